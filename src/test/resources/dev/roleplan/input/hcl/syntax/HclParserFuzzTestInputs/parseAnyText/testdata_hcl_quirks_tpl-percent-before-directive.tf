a = "%%{x}%{if y}z%{endif}"
