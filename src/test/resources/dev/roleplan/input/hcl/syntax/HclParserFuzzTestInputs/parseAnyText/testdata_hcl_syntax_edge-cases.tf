# Corner cases checked against HashiCorp's parser.
heredoc_blank_lines = <<-EOT
    a

  
      b
  EOT

heredoc_tabs = <<-EOT
	  a
	b
  EOT

heredoc_interp_line_start = <<-EOT
    a ${x} b
      c
  ${y}
    d
  EOT

heredoc_interp_over_lines = <<-EOT
    x ${
  y } z
      w
  EOT

heredoc_strip_directive = <<-EOT
    %{ for x in y ~}
    v
    %{ endfor ~}
  EOT

heredoc_marker_indented = <<EOT
  x $${a}
    EOT

heredoc_marker_trailing_space = <<-EOT
    x
    EOT   

heredoc_empty = <<-EOT
EOT

heredoc_whitespace_line = <<-EOT
    x
      
    y
  EOT

dollar_forms = "$$x %%y $${z} %%{w} $ % $"
strip_both   = "${~ "x" ~}  y"
strip_if     = "x %{ if true ~}  y  %{~ endif } z"
unicode_id   = "naïve ${café}"
ident_dash   = a-b
minus_one    = -1
neg_neg      = --1
not_not      = !!false
neg_paren    = -(1)
object_keys  = { a.b = 1, "c" = 2, 3 = 4, true = 5, 1.50 = 6 }
comment_tail = 1 # trailing comment
block_comment = /* inline */ 2
number_dot   = x.0
exp_only     = 7E2
nested_quotes = "a ${"b ${"c"}"}"
tuple_newlines = [
  1,

  2
]
object_commas_newlines = {
  a = 1,
  b = 2
  c = 3,
}
splat_then_index = a[*].b[0][*].c
attr_splat_then_index = a.*.b[0]
call_newlines = f(
  1,
  2,
)
conditional_newlines = (
  a
  ? b
  : c
)
wrap_number = "${1}"
wrap_tuple  = "${[1, "a"]}"

x "a" b {
}

one_line_labels "a" "b" { v = "one" }
empty_block {
}
block_with_comment { # a comment opens the body
  v = 1
}
