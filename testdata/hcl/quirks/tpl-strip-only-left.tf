a = "  a  ${~x}  b  "
