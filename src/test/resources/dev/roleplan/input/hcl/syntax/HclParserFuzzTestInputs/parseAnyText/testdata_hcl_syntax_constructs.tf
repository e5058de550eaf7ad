# Every construct of the native syntax at least once; a comment of each kind.
// line comment with slashes
/* block comment
   over two lines */

numbers {
  integer   = 42
  fraction  = 3.25
  exponent  = 1e3
  exp_plus  = 2.5E+2
  exp_minus = 125e-3
  negative  = -7
}

literals {
  yes     = true
  no      = false
  nothing = null
  not_yes = !true
}

strings {
  plain    = "hello"
  escapes  = "tab\there \"quoted\" back\\slash line\nbreak"
  unicode  = "caf\u00e9 \U0001F680"
  dollar   = "cost: $5, $${not_interpolated}, 100%, %%{not_a_directive}"
  interp   = "hello ${var.name}!"
  wrapped  = "${var.count}"
  nested   = "outer ${"inner ${var.x}"} done"
  strip    = "a   ${~ var.x ~}   b"
  cond     = "%{ if var.enabled }on%{ else }off%{ endif }"
  loop     = "%{ for i, v in var.list }${i}=${v};%{ endfor }"
  empty    = ""
}

heredocs {
  plain = <<EOT
line one
  line two
EOT

  indented = <<-EOT
      first
        second

      third ${var.x}
    EOT

  directives = <<-EOT
    %{~ for name in var.names ~}
    - ${name}
    %{~ endfor ~}
  EOT
}

collections {
  tuple       = [1, "two", three, [4]]
  trailing    = [
    "a",
    "b",
  ]
  object      = { a = 1, "b" = 2, c : 3 }
  multiline = {
    key   = "value"
    "k-2" = "value2"
    (var.dynamic_key) = "computed"
  }
  empty_tuple  = []
  empty_object = {}
}

operators {
  arithmetic = 1 + 2 * 3 - 4 / 2 % 3
  comparison = a < b && c >= d || e != f && g == h
  grouping   = (1 + 2) * 3
  unary      = -var.x + !var.flag
  ternary    = var.a ? var.b : var.c ? "nested" : "last"
}

traversals {
  attribute  = aws_iam_role.this.arn
  index      = var.list[0]
  key        = var.map["key"]
  dynamic    = var.map[var.key]
  legacy     = var.list.0.name
  full_splat = aws_instance.web[*].id
  attr_splat = aws_instance.web.*.id
  deep_splat = var.items[*].tags["Name"]
  relative   = element(var.list, 0).name
}

functions {
  simple   = upper("x")
  multi    = format("%s-%s", var.a, var.b)
  expanded = concat(var.lists...)
  nested   = jsonencode({ a = [for x in var.xs : x * 2] })
  provider = provider::aws::arn_parse(var.arn).account_id
  no_args  = timestamp()
}

for_expressions {
  list_for   = [for s in var.list : upper(s)]
  list_if    = [for i, s in var.list : "${i}:${s}" if s != ""]
  object_for = { for k, v in var.map : k => v.id }
  grouped    = { for s in var.list : substr(s, 0, 1) => s... }
  filtered   = { for k, v in var.map : upper(k) => v if v != null }
}

block "with" "two" labels {
  one_line { attr = 1 }
  empty_one_line {}
}
