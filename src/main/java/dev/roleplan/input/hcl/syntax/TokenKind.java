package dev.roleplan.input.hcl.syntax;

enum TokenKind {
    IDENT("identifier"), NUMBER("number"), NEWLINE("newline"), EOF("end of file"),
    OQUOTE("opening quote"), CQUOTE("closing quote"), QUOTED_LIT("string"),
    HEREDOC_BEGIN("heredoc"), HEREDOC_END("heredoc marker"), HEREDOC_LIT("heredoc text"),
    TEMPLATE_INTERP("${"), TEMPLATE_CONTROL("%{"), TEMPLATE_SEQ_END("}"),
    LBRACE("{"), RBRACE("}"), LBRACK("["), RBRACK("]"), LPAREN("("), RPAREN(")"),
    DOT("."), COMMA(","), ELLIPSIS("..."), DOUBLE_COLON("::"), COLON(":"), QUESTION("?"), ASSIGN("="),
    FAT_ARROW("=>"), PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), BANG("!"),
    AND("&&"), OR("||"), EQ("=="), NEQ("!="), LT("<"), GT(">"), LE("<="), GE(">=");

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    String display() {
        return display;
    }
}
