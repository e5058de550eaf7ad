a = "  a  ${x~}  b  "
