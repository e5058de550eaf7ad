package dev.roleplan.input.hcl.syntax;

import dev.roleplan.input.hcl.syntax.Expression.BinaryOperator;
import dev.roleplan.input.hcl.syntax.Expression.UnaryOperator;
import dev.roleplan.input.hcl.syntax.TemplateAssembler.TemplateItem;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Recursive-descent parser for the HCL native syntax, following HashiCorp's hclsyntax specification.
 * Newlines end attributes and separate object items, but are ignored inside parentheses, brackets,
 * function arguments, for expressions and template sequences; {@link #includeNewlines} tracks which applies.
 */
final class Parser {

    /** Deeper nesting than this is refused with an error instead of risking a stack overflow. */
    static final int MAX_NESTING = 500;

    private final String file;
    private final Lexer tokens;
    private int pos;
    private Token last;
    private boolean includeNewlines = true;
    private int depth;
    /** Open delimiters, innermost first: an unexpected end of file is reported where the unclosed one opened. */
    private final ArrayDeque<Opener> openers = new ArrayDeque<>();

    private record Opener(Token token, Object what, String closer) {
        String description() {
            return what instanceof Supplier<?> supplier ? (String) supplier.get() : (String) what;
        }
    }

    private void open(Token token, String what, String closer) {
        openers.push(new Opener(token, what, closer));
    }

    private void open(Token token, Supplier<String> what, String closer) {
        openers.push(new Opener(token, what, closer));
    }

    private void close() {
        openers.pop();
    }

    Parser(String file, Lexer tokens) {
        this.file = file;
        this.tokens = tokens;
        this.last = tokens.get(0);
    }

    // ---------------------------------------------------------------- token access

    private Token peek() {
        int p = pos;
        if (!includeNewlines) {
            while (tokens.get(p).is(TokenKind.NEWLINE)) {
                p++;
            }
        }
        return tokens.get(p);
    }

    /** The token after {@link #peek()}, with the same newline rule. */
    private Token peekSecond() {
        int p = pos;
        for (int seen = 0; ; p++) {
            Token t = tokens.get(p);
            if (t.is(TokenKind.EOF)) {
                return t;
            }
            if (!includeNewlines && t.is(TokenKind.NEWLINE)) {
                continue;
            }
            if (seen == 1) {
                return t;
            }
            seen++;
        }
    }

    private Token next() {
        if (!includeNewlines) {
            while (tokens.get(pos).is(TokenKind.NEWLINE)) {
                pos++;
            }
        }
        Token t = tokens.get(pos);
        if (!t.is(TokenKind.EOF)) {
            pos++;
        }
        last = t;
        return t;
    }

    private Token expect(TokenKind kind, String what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw error(t, "expected " + what + ", found " + describe(t));
        }
        return next();
    }

    /** As {@link #expect(TokenKind, String)}, building the description only when it is needed. */
    private Token expect(TokenKind kind, Supplier<String> what) {
        Token t = peek();
        if (!t.is(kind)) {
            throw error(t, "expected " + what.get() + ", found " + describe(t));
        }
        return next();
    }

    private boolean setNewlines(boolean include) {
        boolean previous = includeNewlines;
        includeNewlines = include;
        return previous;
    }

    private void enter(Token at) {
        if (++depth > MAX_NESTING) {
            throw error(at, "nesting is deeper than " + MAX_NESTING + " levels");
        }
    }

    private void exit() {
        depth--;
    }

    private SourceRange rangeFrom(Token start) {
        return new SourceRange(file, start.line(), start.column(), last.endLine(), last.endColumn());
    }

    private SourceRange rangeFrom(SourceRange start) {
        return new SourceRange(file, start.line(), start.column(), last.endLine(), last.endColumn());
    }

    private SourceRange rangeOf(Token t) {
        return new SourceRange(file, t.line(), t.column(), t.endLine(), t.endColumn());
    }

    // ---------------------------------------------------------------- structure

    Body parseFile() {
        Token first = peek();
        Body body = parseBody(null, first);
        Token end = peek();
        return new Body(body.items(), new SourceRange(file, 1, 1, end.line(), end.column()));
    }

    Expression parseStandaloneExpression() {
        setNewlines(false);
        Expression e = parseExpression();
        Token t = peek();
        if (!t.is(TokenKind.EOF)) {
            throw error(t, "unexpected " + describe(t) + " after the expression");
        }
        return e;
    }

    /** Parses items until the closing brace of {@code open} (left unconsumed) or, at top level, the end. */
    private Body parseBody(Token open, Token start) {
        List<BodyItem> items = new ArrayList<>();
        Map<String, Attribute> attributes = new HashMap<>();
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case NEWLINE -> next();
                case EOF -> {
                    if (open != null) {
                        throw error(t, "missing } to close the block opened at line " + open.line() + ", column "
                                + open.column());
                    }
                    return new Body(items, rangeFrom(start));
                }
                case RBRACE -> {
                    if (open == null) {
                        throw error(t, "unexpected }: there is no open block to close");
                    }
                    return new Body(items, rangeFrom(start));
                }
                case IDENT -> {
                    BodyItem item = parseBodyItem(open != null);
                    if (item instanceof Attribute attribute) {
                        checkUnique(attributes, attribute);
                    }
                    items.add(item);
                }
                default -> throw error(t, "expected an attribute or block definition, found " + describe(t));
            }
        }
    }

    private void checkUnique(Map<String, Attribute> attributes, Attribute attribute) {
        Attribute earlier = attributes.putIfAbsent(attribute.name(), attribute);
        if (earlier != null) {
            SourceRange at = attribute.nameRange();
            throw new HclSyntaxException(file, at.line(), at.column(), "attribute \"" + attribute.name()
                    + "\" is already defined at line " + earlier.nameRange().line() + "; each attribute may be set"
                    + " only once in a body");
        }
    }

    private BodyItem parseBodyItem(boolean inBlock) {
        Token name = next();
        Token t = peek();
        if (t.is(TokenKind.ASSIGN)) {
            Attribute attribute = parseAttributeValue(name);
            Token end = peek();
            if (!end.is(TokenKind.NEWLINE) && !end.is(TokenKind.EOF)) {
                throw error(end, "expected a newline after the value of attribute \"" + name.text() + "\", found "
                        + describe(end));
            }
            return attribute;
        }
        return parseBlock(name, inBlock);
    }

    private Attribute parseAttributeValue(Token name) {
        next(); // =
        Expression value = parseExpression();
        return new Attribute(name.text(), value, rangeOf(name), rangeFrom(name));
    }

    private Block parseBlock(Token type, boolean inBlock) {
        enter(type);
        List<Block.Label> labels = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.IDENT)) {
                next();
                labels.add(new Block.Label(t.text(), false, rangeOf(t)));
            } else if (t.is(TokenKind.OQUOTE)) {
                labels.add(parseQuotedLabel());
            } else if (t.is(TokenKind.LBRACE)) {
                break;
            } else if (labels.isEmpty()) {
                throw error(t, "expected = or { after the name to define an attribute or a block, found "
                        + describe(t));
            } else {
                throw error(t, "expected { to open the body of the block, found " + describe(t));
            }
        }
        Token open = next();
        open(open, () -> "block \"" + type.text() + "\"", "}");
        Body body;
        Token first = peek();
        if (first.is(TokenKind.NEWLINE)) {
            body = parseBody(open, open);
        } else {
            body = parseSingleLineBody(open, type);
        }
        next(); // }
        close();
        Token after = peek();
        if (!after.is(TokenKind.NEWLINE) && !after.is(TokenKind.EOF)) {
            throw error(after, "expected a newline after the closing } of block \"" + type.text() + "\", found "
                    + describe(after));
        }
        exit();
        return new Block(type.text(), labels, new Body(body.items(), rangeFrom(open)), rangeOf(type),
                rangeFrom(type));
    }

    /** {@code block { name = value }} on one line: at most one attribute, no nested block. */
    private Body parseSingleLineBody(Token open, Token type) {
        Token t = peek();
        if (t.is(TokenKind.RBRACE)) {
            return new Body(List.of(), rangeFrom(open));
        }
        if (t.is(TokenKind.IDENT) && peekSecond().is(TokenKind.ASSIGN)) {
            Token name = next();
            Attribute attribute = parseAttributeValue(name);
            Token end = peek();
            if (!end.is(TokenKind.RBRACE)) {
                throw error(end, "expected } to close the single-line block \"" + type.text() + "\", found "
                        + describe(end) + " (a single-line block holds at most one attribute)");
            }
            return new Body(List.of(attribute), rangeFrom(open));
        }
        if (t.is(TokenKind.EOF)) {
            throw error(t, "missing } to close the block opened at line " + open.line() + ", column " + open.column());
        }
        throw error(t, "a single-line block holds at most one attribute; put a newline after { to write nested"
                + " blocks (found " + describe(t) + ")");
    }

    private Block.Label parseQuotedLabel() {
        Token open = next();
        StringBuilder text = new StringBuilder();
        while (true) {
            Token t = next();
            if (t.is(TokenKind.QUOTED_LIT)) {
                text.append(t.text());
            } else if (t.is(TokenKind.CQUOTE)) {
                return new Block.Label(text.toString(), true, rangeFrom(open));
            } else {
                throw error(t, "a block label must be a literal string: template sequences are not allowed here");
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    private Expression parseExpression() {
        Token start = peek();
        enter(start);
        Expression condition = parseBinary(1);
        Expression result = condition;
        if (peek().is(TokenKind.QUESTION)) {
            next();
            Expression trueResult = parseExpression();
            expect(TokenKind.COLON, "':' between the two results of the conditional");
            Expression falseResult = parseExpression();
            result = new Expression.Conditional(condition, trueResult, falseResult, rangeFrom(condition.range()));
        }
        exit();
        return result;
    }

    private Expression parseBinary(int minPrecedence) {
        Expression left = parseUnary();
        while (true) {
            BinaryOperator op = binaryOperator(peek());
            if (op == null || op.precedence() < minPrecedence) {
                return left;
            }
            next();
            Expression right = parseBinary(op.precedence() + 1);
            left = new Expression.BinaryOp(op, left, right, rangeFrom(left.range()));
        }
    }

    private static BinaryOperator binaryOperator(Token t) {
        return switch (t.kind()) {
            case OR -> BinaryOperator.OR;
            case AND -> BinaryOperator.AND;
            case EQ -> BinaryOperator.EQUAL;
            case NEQ -> BinaryOperator.NOT_EQUAL;
            case LT -> BinaryOperator.LESS;
            case GT -> BinaryOperator.GREATER;
            case LE -> BinaryOperator.LESS_OR_EQUAL;
            case GE -> BinaryOperator.GREATER_OR_EQUAL;
            case PLUS -> BinaryOperator.ADD;
            case MINUS -> BinaryOperator.SUBTRACT;
            case STAR -> BinaryOperator.MULTIPLY;
            case SLASH -> BinaryOperator.DIVIDE;
            case PERCENT -> BinaryOperator.MODULO;
            default -> null;
        };
    }

    /** Unary operators bind tighter than binary ones but looser than postfix: {@code -a.b} is {@code -(a.b)}. */
    private Expression parseUnary() {
        Token t = peek();
        if (t.is(TokenKind.MINUS) || t.is(TokenKind.BANG)) {
            next();
            enter(t);
            Expression operand = parseUnary();
            exit();
            UnaryOperator op = t.is(TokenKind.MINUS) ? UnaryOperator.NEGATE : UnaryOperator.NOT;
            return new Expression.UnaryOp(op, operand, rangeFrom(t));
        }
        return parsePostfix(parseTerm());
    }

    private Expression parseTerm() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new Expression.LiteralValue(number(t), rangeOf(t));
            }
            case IDENT -> {
                return parseIdentifierTerm();
            }
            case LPAREN -> {
                next();
                open(t, "parenthesis", ")");
                boolean saved = setNewlines(false);
                Expression inner = parseExpression();
                expect(TokenKind.RPAREN, () -> "')' to close the parenthesis opened at line " + t.line() + ", column "
                        + t.column());
                setNewlines(saved);
                close();
                return new Expression.Parenthesized(inner, rangeFrom(t));
            }
            case LBRACK -> {
                return parseTupleOrFor();
            }
            case LBRACE -> {
                return parseObjectOrFor();
            }
            case OQUOTE -> {
                return parseQuotedTemplate();
            }
            case HEREDOC_BEGIN -> {
                return parseHeredoc();
            }
            default -> throw error(t, "expected an expression, found " + describe(t));
        }
    }

    private Expression parseIdentifierTerm() {
        Token t = next();
        switch (t.text()) {
            case "true" -> {
                return new Expression.LiteralValue(Boolean.TRUE, rangeOf(t));
            }
            case "false" -> {
                return new Expression.LiteralValue(Boolean.FALSE, rangeOf(t));
            }
            case "null" -> {
                return new Expression.LiteralValue(null, rangeOf(t));
            }
            default -> {
                // fall through to variables and calls
            }
        }
        Token after = peek();
        if (after.is(TokenKind.LPAREN) || after.is(TokenKind.DOUBLE_COLON)) {
            return parseFunctionCall(t);
        }
        return new Expression.ScopeTraversal(t.text(), List.of(), rangeOf(t));
    }

    private Expression parseFunctionCall(Token nameToken) {
        StringBuilder name = new StringBuilder(nameToken.text());
        while (peek().is(TokenKind.DOUBLE_COLON)) {
            next();
            Token part = expect(TokenKind.IDENT, "a name after :: in the function name");
            name.append("::").append(part.text());
        }
        SourceRange nameRange = rangeFrom(nameToken);
        Token open = expect(TokenKind.LPAREN, () -> "'(' after the function name " + name);
        open(open, () -> "argument list of " + name + "(", ")");
        boolean saved = setNewlines(false);
        List<Expression> args = new ArrayList<>();
        boolean expand = false;
        while (!peek().is(TokenKind.RPAREN)) {
            args.add(parseExpression());
            Token t = peek();
            if (t.is(TokenKind.ELLIPSIS)) {
                next();
                expand = true;
                Token close = peek();
                if (!close.is(TokenKind.RPAREN)) {
                    throw error(close, "an argument expanded with ... must be the last one: expected ')', found "
                            + describe(close));
                }
                break;
            }
            if (t.is(TokenKind.COMMA)) {
                next();
            } else if (!t.is(TokenKind.RPAREN)) {
                throw error(t, "expected ',' or ')' in the arguments of " + name + "(, opened at line " + open.line()
                        + ", column " + open.column() + "; found " + describe(t));
            }
        }
        next(); // )
        setNewlines(saved);
        close();
        return new Expression.FunctionCall(name.toString(), args, expand, nameRange, rangeFrom(nameToken));
    }

    private Expression parseTupleOrFor() {
        Token open = next();
        boolean saved = setNewlines(false);
        open(open, "list", "]");
        try {
            if (peek().isKeyword("for")) {
                return parseFor(open, false);
            }
            List<Expression> items = new ArrayList<>();
            while (!peek().is(TokenKind.RBRACK)) {
                items.add(parseExpression());
                Token t = peek();
                if (t.is(TokenKind.COMMA)) {
                    next();
                } else if (!t.is(TokenKind.RBRACK)) {
                    throw error(t, "expected ',' or ']' in the list opened at line " + open.line() + ", column "
                            + open.column() + "; found " + describe(t));
                }
            }
            next();
            return new Expression.TupleCons(items, rangeFrom(open));
        } finally {
            setNewlines(saved);
            close();
        }
    }

    private Expression parseObjectOrFor() {
        Token open = next();
        boolean saved = setNewlines(false);
        open(open, "object", "}");
        try {
            if (peek().isKeyword("for")) {
                return parseFor(open, true);
            }
            // items are separated by commas or newlines, so newlines count here
            setNewlines(true);
            List<Expression.ObjectItem> items = new ArrayList<>();
            while (true) {
                Token t = peek();
                if (t.is(TokenKind.NEWLINE)) {
                    next();
                    continue;
                }
                if (t.is(TokenKind.RBRACE)) {
                    break;
                }
                if (t.is(TokenKind.EOF)) {
                    throw error(t, "missing } to close the object opened at line " + open.line() + ", column "
                            + open.column());
                }
                Expression key = parseExpression();
                Token assign = peek();
                if (!assign.is(TokenKind.ASSIGN) && !assign.is(TokenKind.COLON)) {
                    throw error(assign, "expected '=' or ':' after the object key, found " + describe(assign));
                }
                next();
                Expression value = parseExpression();
                items.add(new Expression.ObjectItem(key, value, rangeFrom(key.range())));
                Token sep = peek();
                if (sep.is(TokenKind.COMMA) || sep.is(TokenKind.NEWLINE)) {
                    next();
                } else if (!sep.is(TokenKind.RBRACE)) {
                    throw error(sep, "expected a comma or a newline after the object item, found " + describe(sep));
                }
            }
            next();
            return new Expression.ObjectCons(items, rangeFrom(open));
        } finally {
            setNewlines(saved);
            close();
        }
    }

    private Expression parseFor(Token open, boolean object) {
        next(); // for
        Token first = expect(TokenKind.IDENT, "a variable name after 'for'");
        String keyVar = null;
        String valueVar = first.text();
        if (peek().is(TokenKind.COMMA)) {
            next();
            keyVar = first.text();
            valueVar = expect(TokenKind.IDENT, "a second variable name after ','").text();
        }
        Token in = peek();
        if (!in.isKeyword("in")) {
            throw error(in, "expected 'in' after the for variables, found " + describe(in));
        }
        next();
        Expression collection = parseExpression();
        expect(TokenKind.COLON, "':' after the collection of the for expression");
        Expression keyExpr = null;
        if (object) {
            keyExpr = parseExpression();
            expect(TokenKind.FAT_ARROW, "'=>' between the key and the value of the object for expression");
        }
        Expression valueExpr = parseExpression();
        boolean grouping = false;
        if (object && peek().is(TokenKind.ELLIPSIS)) {
            next();
            grouping = true;
        }
        Expression condition = null;
        if (peek().isKeyword("if")) {
            next();
            condition = parseExpression();
        }
        TokenKind close = object ? TokenKind.RBRACE : TokenKind.RBRACK;
        expect(close, () -> "'" + close.display() + "' to close the for expression opened at line " + open.line()
                + ", column " + open.column());
        return new Expression.ForExpr(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouping,
                rangeFrom(open));
    }

    // ---------------------------------------------------------------- postfix: traversals, index, splat

    private Expression parsePostfix(Expression term) {
        Expression current = term;
        while (true) {
            Token t = peek();
            if (t.is(TokenKind.DOT)) {
                Token after = peekSecond();
                if (after.is(TokenKind.STAR)) {
                    next();
                    next();
                    current = parseAttributeSplat(current, t);
                } else {
                    next();
                    current = withStep(current, parseDotStep(t));
                }
            } else if (t.is(TokenKind.LBRACK)) {
                if (peekSecond().is(TokenKind.STAR)) {
                    next();
                    next();
                    expect(TokenKind.RBRACK, "']' after '[*'");
                    current = parseFullSplat(current);
                } else {
                    current = parseIndex(current);
                }
            } else {
                return current;
            }
        }
    }

    private BigDecimal number(Token t) {
        try {
            return new BigDecimal(t.text());
        } catch (NumberFormatException e) {
            throw error(t, "invalid number literal");
        }
    }

    private TraversalStep parseDotStep(Token dot) {
        Token t = next();
        if (t.is(TokenKind.IDENT)) {
            return new TraversalStep.GetAttr(t.text(), rangeFrom(dot));
        }
        if (t.is(TokenKind.NUMBER)) {
            if (t.text().indexOf('.') >= 0) {
                throw error(t, "invalid legacy index: after a dot only a whole number is allowed;"
                        + " chain indexes as [0][1]");
            }
            return new TraversalStep.IndexStep(number(t), rangeFrom(dot));
        }
        throw error(t, "expected an attribute name after '.', found " + describe(t));
    }

    private Expression parseIndex(Expression current) {
        Token open = next();
        open(open, "index", "]");
        boolean saved = setNewlines(false);
        Expression key = parseExpression();
        expect(TokenKind.RBRACK, () -> "']' to close the index opened at line " + open.line() + ", column "
                + open.column());
        setNewlines(saved);
        close();
        Object constant = constantKey(key);
        if (constant != NOT_CONSTANT) {
            return withStep(current, new TraversalStep.IndexStep(constant, rangeFrom(open)));
        }
        return new Expression.Index(current, key, rangeFrom(current.range()));
    }

    private static final Object NOT_CONSTANT = new Object();

    private static Object constantKey(Expression key) {
        if (key instanceof Expression.LiteralValue literal) {
            return literal.value();
        }
        if (key instanceof Expression.TemplateExpr template && template.isStringLiteral()) {
            return template.literalValue();
        }
        return NOT_CONSTANT;
    }

    /** {@code .*} followed by attribute names, applied to each element. */
    private Expression parseAttributeSplat(Expression source, Token dot) {
        Expression each = new Expression.SplatItem(rangeFrom(dot));
        while (peek().is(TokenKind.DOT) && (peekSecond().is(TokenKind.IDENT) || peekSecond().is(TokenKind.NUMBER))) {
            Token d = next();
            each = withStep(each, parseDotStep(d));
        }
        if (peek().is(TokenKind.DOT) && peekSecond().is(TokenKind.STAR)) {
            throw error(peekSecond(), "a splat (*) cannot be used inside an attribute-only splat (.*); use [*]");
        }
        return new Expression.Splat(source, each, false, rangeFrom(source.range()));
    }

    /** {@code [*]} followed by any attribute and index steps (but not a further splat), applied to each element. */
    private Expression parseFullSplat(Expression source) {
        Expression each = new Expression.SplatItem(rangeFrom(source.range()));
        while (true) {
            Token t = peek();
            Token after = peekSecond();
            if (t.is(TokenKind.DOT) && (after.is(TokenKind.IDENT) || after.is(TokenKind.NUMBER))) {
                next();
                each = withStep(each, parseDotStep(t));
            } else if (t.is(TokenKind.LBRACK) && !after.is(TokenKind.STAR)) {
                each = parseIndex(each);
            } else {
                break;
            }
        }
        return new Expression.Splat(source, each, true, rangeFrom(source.range()));
    }

    private Expression withStep(Expression current, TraversalStep step) {
        if (current instanceof Expression.ScopeTraversal traversal) {
            List<TraversalStep> steps = new ArrayList<>(traversal.steps());
            steps.add(step);
            return new Expression.ScopeTraversal(traversal.root(), steps, rangeFrom(traversal.range()));
        }
        if (current instanceof Expression.RelativeTraversal traversal) {
            List<TraversalStep> steps = new ArrayList<>(traversal.steps());
            steps.add(step);
            return new Expression.RelativeTraversal(traversal.source(), steps, rangeFrom(traversal.range()));
        }
        return new Expression.RelativeTraversal(current, List.of(step), rangeFrom(current.range()));
    }

    // ---------------------------------------------------------------- templates

    private Expression parseQuotedTemplate() {
        Token open = next();
        List<TemplateItem> items = new ArrayList<>();
        while (true) {
            Token t = peekRaw();
            if (t.is(TokenKind.CQUOTE)) {
                next();
                break;
            }
            items.add(readTemplateItem());
        }
        TemplateAssembler.applyStripMarkers(items);
        return buildTemplate(items, false, open);
    }

    private Expression parseHeredoc() {
        Token open = next();
        List<TemplateItem> items = new ArrayList<>();
        while (true) {
            Token t = peekRaw();
            if (t.is(TokenKind.HEREDOC_END)) {
                next();
                break;
            }
            items.add(readTemplateItem());
        }
        TemplateAssembler.applyStripMarkers(items);
        if (open.flag()) {
            TemplateAssembler.removeIndentation(items);
        }
        return buildTemplate(items, true, open);
    }

    /** Parses a whole text as template content (for template files). */
    Expression parseStandaloneTemplate() {
        Token start = peekRaw();
        List<TemplateItem> items = new ArrayList<>();
        while (!peekRaw().is(TokenKind.EOF)) {
            items.add(readTemplateItem());
        }
        TemplateAssembler.applyStripMarkers(items);
        return buildTemplate(items, false, start);
    }

    private Token peekRaw() {
        return tokens.get(pos);
    }

    private TemplateItem readTemplateItem() {
        Token t = next();
        switch (t.kind()) {
            case QUOTED_LIT, HEREDOC_LIT -> {
                TemplateItem item = new TemplateItem(t, rangeOf(t));
                item.text = t.text();
                return item;
            }
            case TEMPLATE_INTERP -> {
                boolean saved = setNewlines(false);
                Expression e = parseExpression();
                Token end = expectSequenceEnd("interpolation", t);
                setNewlines(saved);
                TemplateItem item = new TemplateItem(t, rangeFrom(t));
                item.expression = e;
                item.stripBefore = t.flag();
                item.stripAfter = end.flag();
                return item;
            }
            case TEMPLATE_CONTROL -> {
                return readDirective(t);
            }
            case EOF -> throw error(t, "unexpected end of file inside a template");
            default -> throw error(t, "unexpected " + describe(t) + " inside a template");
        }
    }

    private TemplateItem readDirective(Token open) {
        boolean saved = setNewlines(false);
        Token word = peek();
        if (!word.is(TokenKind.IDENT)) {
            throw error(word, "expected a template directive (if, else, endif, for, endfor) after %{, found "
                    + describe(word));
        }
        next();
        Directive item = new Directive();
        item.keyword = word.text();
        switch (word.text()) {
            case "if" -> item.expression = parseExpression();
            case "for" -> {
                Token first = expect(TokenKind.IDENT, "a variable name after %{for");
                item.valueVar = first.text();
                if (peek().is(TokenKind.COMMA)) {
                    next();
                    item.keyVar = first.text();
                    item.valueVar = expect(TokenKind.IDENT, "a second variable name after ','").text();
                }
                Token in = peek();
                if (!in.isKeyword("in")) {
                    throw error(in, "expected 'in' after the variables of %{for, found " + describe(in));
                }
                next();
                item.expression = parseExpression();
            }
            case "else", "endif", "endfor" -> {
                // no arguments
            }
            default -> throw error(word, "unknown template directive; expected if, else, endif, for or endfor");
        }
        Token end = expectSequenceEnd("%{" + word.text() + "} directive", open);
        setNewlines(saved);
        TemplateItem located = new TemplateItem(open, rangeFrom(open));
        located.keyword = item.keyword;
        located.expression = item.expression;
        located.keyVar = item.keyVar;
        located.valueVar = item.valueVar;
        located.stripBefore = open.flag();
        located.stripAfter = end.flag();
        return located;
    }

    /** The parsed words of a directive, before its closing brace gives it a range. */
    private static final class Directive {
        String keyword;
        Expression expression;
        String keyVar;
        String valueVar;
    }

    private Token expectSequenceEnd(String what, Token open) {
        Token t = peek();
        if (!t.is(TokenKind.TEMPLATE_SEQ_END)) {
            throw error(t, "expected } to close the " + what + " opened at line " + open.line() + ", column "
                    + open.column() + "; found " + describe(t));
        }
        return next();
    }

    private Expression buildTemplate(List<TemplateItem> items, boolean heredoc, Token open) {
        List<TemplatePart> parts = new TemplateAssembler(file).assemble(items);
        SourceRange range = rangeFrom(open);
        if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation interpolation) {
            return new Expression.TemplateWrap(interpolation.expression(), range);
        }
        return new Expression.TemplateExpr(parts, heredoc, range);
    }

    // ---------------------------------------------------------------- errors

    /**
     * A token by its kind, never its text: a syntax error is where a secret pasted in the wrong place (a bare word in
     * a .tfvars file, a password holding %{) shows, and the message must not repeat it. Only text the parser has
     * recognised as structure is named: attribute names before =, function names before (, block types before {.
     */
    private static String describe(Token t) {
        return switch (t.kind()) {
            case IDENT -> "a name";
            case NUMBER -> "a number";
            case NEWLINE, EOF -> t.kind().display();
            case QUOTED_LIT, HEREDOC_LIT -> "text";
            case OQUOTE, CQUOTE -> "a quote";
            case HEREDOC_BEGIN -> "a heredoc";
            case HEREDOC_END -> "a heredoc marker";
            default -> "'" + t.kind().display() + "'";
        };
    }

    private HclSyntaxException error(Token at, String message) {
        if (at.is(TokenKind.EOF) && !openers.isEmpty()) {
            Opener o = openers.peek();
            return new HclSyntaxException(file, o.token().line(), o.token().column(), "unclosed " + o.description()
                    + ": no " + o.closer() + " before the end of the file");
        }
        return new HclSyntaxException(file, at.line(), at.column(), message);
    }
}
