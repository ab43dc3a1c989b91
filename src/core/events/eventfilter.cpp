#include "eventfilter.h"

#include "eventfilterterm.h"

#include <vector>

namespace hookbench {

namespace {

// SQLite refuses expressions deeper than 1000; a person never nests this deep.
constexpr int MaxDepth = 100;

using NodePtr = std::shared_ptr<const FilterNode>;

struct Token
{
    enum Kind { End, LParen, RParen, Not, And, Or, Term };
    Kind kind = End;
    int position = 0;
    int length = 0;
    QString word; // as written, for messages
    FilterTerm term;
};

bool isSpace(QChar c)
{
    return c.isSpace();
}

// freeText: a word that would read back as a field (a:b), an operator (or) or a negation (-a)
// is quoted too, so the canonical form parses to the same filter.
QString quoted(const QString &text, bool freeText)
{
    bool plain = !text.isEmpty() && std::none_of(text.begin(), text.end(), [](QChar c) {
        return isSpace(c) || c == QLatin1Char('"') || c == QLatin1Char('(') ||
               c == QLatin1Char(')');
    });
    if (plain && freeText) {
        const QString upper = text.toUpper();
        qsizetype name = 0; // readTerm's field name: ASCII letters and '_'
        while (name < text.size() && (text[name].isLetter() || text[name] == QLatin1Char('_')) &&
               text[name].unicode() < 128)
            ++name;
        const bool readsAsField = name > 0 && name < text.size() && text[name] == QLatin1Char(':');
        plain = !readsAsField && !text.startsWith(QLatin1Char('-')) &&
                upper != QLatin1String("AND") && upper != QLatin1String("OR") &&
                upper != QLatin1String("NOT");
    }
    if (plain)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

// Tokens first (the whole text), then recursive descent: or := and (OR and)*,
// and := unary ((AND)? unary)*, unary := (NOT | -) unary | primary, primary := ( or ) | term.
class FilterParser
{
public:
    explicit FilterParser(QStringView text)
        : m_text(text)
    {}

    EventFilter run()
    {
        EventFilter filter;
        filter.m_text = m_text.toString();
        if (tokenize()) {
            if (m_tokens.front().kind != Token::End) {
                NodePtr root = parseOr(0);
                if (root && peek().kind != Token::End)
                    fail(QStringLiteral("unexpected ')'"), peek(),
                         QStringLiteral(": there is no '(' to close"));
                filter.m_root = std::move(root);
            }
        }
        if (m_error.position >= 0) {
            filter.m_root.reset();
            filter.m_error = m_error;
        }
        return filter;
    }

private:
    bool tokenize()
    {
        int i = 0;
        const int n = int(m_text.size());
        for (;;) {
            while (i < n && isSpace(m_text[i]))
                ++i;
            Token token;
            token.position = i;
            if (i == n) {
                m_tokens.push_back(token);
                return true;
            }
            const QChar c = m_text[i];
            if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
                token.kind = c == QLatin1Char('(') ? Token::LParen : Token::RParen;
                token.length = 1;
                token.word = c;
                ++i;
            } else if (c == QLatin1Char('-') && i + 1 < n && !isSpace(m_text[i + 1]) &&
                       m_text[i + 1] != QLatin1Char(')')) {
                token.kind = Token::Not;
                token.length = 1;
                token.word = c;
                ++i;
            } else if (!readTerm(&i, &token)) {
                return false;
            }
            m_tokens.push_back(token);
        }
    }

    // A field name (ASCII letters) and ':', then the value: bare characters and "quoted"
    // runs (\" and \\ escapes) up to whitespace or ')'.
    bool readTerm(int *index, Token *token)
    {
        const int n = int(m_text.size());
        const int start = *index;
        int i = start;
        while (i < n && ((m_text[i] >= QLatin1Char('a') && m_text[i] <= QLatin1Char('z')) ||
                         (m_text[i] >= QLatin1Char('A') && m_text[i] <= QLatin1Char('Z')) ||
                         m_text[i] == QLatin1Char('_')))
            ++i;
        QStringView field;
        if (i > start && i < n && m_text[i] == QLatin1Char(':')) {
            field = m_text.mid(start, i - start);
            ++i;
        } else {
            i = start;
        }
        const int valueStart = i;
        QString value;
        bool quotedValue = false;
        while (i < n && !isSpace(m_text[i]) && m_text[i] != QLatin1Char(')')) {
            if (m_text[i] != QLatin1Char('"')) {
                value.append(m_text[i++]);
                continue;
            }
            quotedValue = true;
            const int quote = i++;
            for (;; ++i) {
                if (i == n) {
                    m_error = {QStringLiteral("unclosed quote%1").arg(filterColumn(quote)), quote,
                               n - quote};
                    return false;
                }
                if (m_text[i] == QLatin1Char('"'))
                    break;
                if (m_text[i] == QLatin1Char('\\') && i + 1 < n &&
                    (m_text[i + 1] == QLatin1Char('"') || m_text[i + 1] == QLatin1Char('\\')))
                    ++i;
                value.append(m_text[i]);
            }
            ++i; // the closing quote
        }
        *index = i;
        token->position = start;
        token->length = i - start;
        token->word = m_text.mid(start, i - start).toString();
        if (field.isEmpty() && !quotedValue) {
            const QString upper = value.toUpper();
            token->kind = upper == QLatin1String("AND")   ? Token::And
                          : upper == QLatin1String("OR")  ? Token::Or
                          : upper == QLatin1String("NOT") ? Token::Not
                                                          : Token::Term;
            if (token->kind != Token::Term) {
                token->word = upper;
                return true;
            }
        }
        token->kind = Token::Term;
        return readFilterTerm(field, start, value, valueStart, i - valueStart, &token->term,
                              &m_error);
    }

    const Token &peek() const { return m_tokens[m_next]; }
    const Token &take() { return m_tokens[m_next++]; }
    static bool startsTerm(const Token &token)
    {
        return token.kind == Token::Term || token.kind == Token::Not || token.kind == Token::LParen;
    }

    // The message is `what` + " at column N" + `after`; user text never goes through arg().
    NodePtr fail(const QString &what, const Token &token, const QString &after = QString())
    {
        if (m_error.position < 0)
            m_error = {what + filterColumn(token.position) + after, token.position, token.length};
        return nullptr;
    }

    // After AND, OR or NOT something must follow; say what was found instead.
    NodePtr missingTerm(const Token &after)
    {
        const Token &found = peek();
        if (found.kind == Token::End)
            return fail(QStringLiteral("expected a term after %1").arg(after.word), found);
        return fail(
            QStringLiteral("expected a term after %1 but found '%2'").arg(after.word, found.word),
            found);
    }

    static NodePtr combine(FilterNode::Kind kind, QList<NodePtr> children)
    {
        if (children.size() == 1)
            return children.front();
        auto node = std::make_shared<FilterNode>();
        node->kind = kind;
        node->children = std::move(children);
        return node;
    }

    NodePtr parseOr(int depth)
    {
        QList<NodePtr> children;
        NodePtr child = parseAnd(depth);
        if (!child)
            return nullptr;
        children.append(child);
        while (peek().kind == Token::Or) {
            const Token &op = take();
            if (!startsTerm(peek()))
                return missingTerm(op);
            if (!(child = parseAnd(depth)))
                return nullptr;
            children.append(child);
        }
        return combine(FilterNode::Kind::Or, children);
    }

    NodePtr parseAnd(int depth)
    {
        QList<NodePtr> children;
        NodePtr child = parseUnary(depth);
        if (!child)
            return nullptr;
        children.append(child);
        for (;;) {
            if (peek().kind == Token::And) {
                const Token &op = take();
                if (!startsTerm(peek()))
                    return missingTerm(op);
            } else if (!startsTerm(peek())) {
                break;
            }
            if (!(child = parseUnary(depth)))
                return nullptr;
            children.append(child);
        }
        return combine(FilterNode::Kind::And, children);
    }

    NodePtr parseUnary(int depth)
    {
        if (peek().kind != Token::Not)
            return parsePrimary(depth);
        const Token &op = take();
        if (depth >= MaxDepth)
            return fail(QStringLiteral("the filter is nested too deeply"), op);
        if (!startsTerm(peek()))
            return missingTerm(op);
        NodePtr child = parseUnary(depth + 1);
        if (!child)
            return nullptr;
        auto node = std::make_shared<FilterNode>();
        node->kind = FilterNode::Kind::Not;
        node->children = {child};
        return node;
    }

    NodePtr parsePrimary(int depth)
    {
        const Token &token = take();
        switch (token.kind) {
        case Token::Term: {
            auto node = std::make_shared<FilterNode>();
            node->term = token.term;
            return node;
        }
        case Token::LParen: {
            if (depth >= MaxDepth)
                return fail(QStringLiteral("the filter is nested too deeply"), token);
            if (peek().kind == Token::RParen)
                return fail(QStringLiteral("empty parentheses"), token);
            NodePtr inner = parseOr(depth + 1);
            if (!inner)
                return nullptr;
            if (peek().kind != Token::RParen)
                return fail(QStringLiteral("missing ')' for the '('"), token);
            take();
            return inner;
        }
        case Token::RParen:
            return fail(QStringLiteral("unexpected ')'"), token,
                        QStringLiteral(": there is no '(' to close"));
        case Token::And:
        case Token::Or:
            return fail(QStringLiteral("expected a term before %1").arg(token.word), token);
        default:
            return fail(QStringLiteral("expected a term"), token);
        }
    }

    QStringView m_text;
    std::vector<Token> m_tokens;
    size_t m_next = 0;
    EventFilter::Error m_error;
};

EventFilter EventFilter::parse(QStringView text)
{
    return FilterParser(text).run();
}

namespace {

QString describe(const FilterNode &node)
{
    switch (node.kind) {
    case FilterNode::Kind::Term: {
        const int colon = node.term.field == FilterTerm::Field::Text
                              ? -1
                              : int(node.term.source.indexOf(QLatin1Char(':')));
        return node.term.source.left(colon + 1) +
               quoted(node.term.source.mid(colon + 1), colon < 0);
    }
    case FilterNode::Kind::Not:
        return QLatin1String("NOT ") + describe(*node.children.front());
    case FilterNode::Kind::And:
    case FilterNode::Kind::Or: {
        QStringList parts;
        for (const NodePtr &child : node.children)
            parts.append(describe(*child));
        const QLatin1String op(node.kind == FilterNode::Kind::And ? " AND " : " OR ");
        return QLatin1Char('(') + parts.join(op) + QLatin1Char(')');
    }
    }
    return {};
}

} // namespace

QString EventFilter::toString() const
{
    if (!isValid())
        return QStringLiteral("<invalid>");
    return m_root ? describe(*m_root) : QString();
}

} // namespace hookbench
