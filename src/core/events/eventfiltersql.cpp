#include "eventfilter.h"

#include "eventschema.h"

// Two evaluations of one filter that must agree (tst_eventfilter cross-checks them):
// compile() for SQLite and matches() for events in memory. The rules both follow:
// - Globs (path, query, remote, header name/value) are SQLite LIKE: whole value, ASCII
//   case-insensitive, `*` any run; this SQLite is built with LIKE_DOESNT_MATCH_BLOBS, so a value
//   stored as a BLOB (not UTF-8) never matches, and LIKE stops at a NUL character.
// - body: and bare words use instr(lower(body), needle): bytes, ASCII case-insensitive, NUL-safe.
// - SQL NULL counts as "no match"; NOT wraps its operand in coalesce(.., 0) so that NOT of an
//   unknown is true, as it is in memory.

namespace hookbench {

namespace {

using Field = FilterTerm::Field;

QByteArray asciiLower(QByteArray bytes)
{
    for (char &c : bytes) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return bytes;
}

// `*` -> `%`; the LIKE metacharacters and the escape itself are escaped with '\'.
QString likePattern(const QString &glob)
{
    QString pattern;
    pattern.reserve(glob.size() + 8);
    for (QChar c : glob) {
        if (c == QLatin1Char('*')) {
            pattern.append(QLatin1Char('%'));
            continue;
        }
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            pattern.append(QLatin1Char('\\'));
        pattern.append(c);
    }
    return pattern;
}

// What LIKE sees of a value: text up to the first NUL; nothing for a BLOB.
bool likeVisible(QByteArray *subject)
{
    if (!subject->isValidUtf8())
        return false;
    const qsizetype nul = subject->indexOf('\0');
    if (nul >= 0)
        subject->truncate(nul);
    return true;
}

// Glob match over bytes, ASCII case-insensitive; `*` matches any run (greedy with backtrack).
bool globMatch(const QByteArray &subjectIn, const QByteArray &globIn)
{
    const QByteArray subject = asciiLower(subjectIn);
    const QByteArray glob = asciiLower(globIn);
    qsizetype s = 0;
    qsizetype g = 0;
    qsizetype star = -1;
    qsizetype resume = 0;
    while (s < subject.size()) {
        if (g < glob.size() && glob[g] == '*') {
            star = g++;
            resume = s;
        } else if (g < glob.size() && glob[g] == subject[s]) {
            ++g;
            ++s;
        } else if (star >= 0) {
            g = star + 1;
            s = ++resume;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == '*')
        ++g;
    return g == glob.size();
}

bool likeMatch(QByteArray subject, const QString &glob)
{
    return likeVisible(&subject) && globMatch(subject, glob.toUtf8());
}

bool contains(const QByteArray &haystack, const QString &needle)
{
    return asciiLower(haystack).contains(asciiLower(needle.toUtf8()));
}

// The longest run of a glob that the store's header JSON holds as is: no `*`, and nothing
// JsonWriter escapes (quote, backslash, control characters). ASCII-lowered, for lower(headers).
QString longestVerbatimPiece(const QString &glob)
{
    QString best;
    QString run;
    for (qsizetype i = 0; i <= glob.size(); ++i) {
        const QChar c = i < glob.size() ? glob[i] : QChar();
        if (i == glob.size() || c == QLatin1Char('*') || c == QLatin1Char('"') ||
            c == QLatin1Char('\\') || c.unicode() < 0x20) {
            if (run.size() > best.size())
                best = run;
            run.clear();
        } else {
            run.append(c);
        }
    }
    return QString::fromUtf8(asciiLower(best.toUtf8()));
}

bool inRange(qint64 value, const FilterTerm &term)
{
    return value >= term.low && value <= term.high;
}

qint64 timeBound(const FilterTerm &term, const QDateTime &now)
{
    return term.relative ? now.toMSecsSinceEpoch() - term.low : term.low;
}

bool termMatches(const FilterTerm &term, const Event &event, const QDateTime &now)
{
    switch (term.field) {
    case Field::Text:
        return likeMatch(event.path, QLatin1Char('*') + term.text + QLatin1Char('*')) ||
               contains(event.body, term.text);
    case Field::Status:
        return inRange(event.status, term);
    case Field::Id:
        return inRange(event.id, term);
    case Field::Size:
        return inRange(event.size, term);
    case Field::Method:
        return asciiLower(event.method) == asciiLower(term.text.toUtf8());
    case Field::Path:
        return likeMatch(event.path, term.text);
    case Field::Query:
        return likeMatch(event.query, term.text);
    case Field::Remote:
        return likeMatch(event.remoteAddress.toUtf8(), term.text);
    case Field::Auth:
        return event.auth == term.auth;
    case Field::Valid:
        return event.valid == term.flag;
    case Field::Body:
        return contains(event.body, term.text);
    case Field::Header:
        // Stored as JSON text of the bytes read as Latin-1; SQL sees that text as UTF-8.
        for (const auto &header : event.headers) {
            if (likeMatch(QString::fromLatin1(header.first).toUtf8(), term.text) &&
                (!term.hasHeaderValue ||
                 likeMatch(QString::fromLatin1(header.second).toUtf8(), term.headerValue)))
                return true;
        }
        return false;
    case Field::Endpoint:
        return event.endpoint == term.text;
    case Field::Key:
        return !event.keyId.isEmpty() && event.keyId == term.text;
    case Field::Since:
        return event.receivedAt.toMSecsSinceEpoch() >= timeBound(term, now);
    case Field::Until:
        return event.receivedAt.toMSecsSinceEpoch() < timeBound(term, now);
    case Field::Is:
        return term.state == FilterTerm::State::Starred ? event.starred : event.deliveryOf != 0;
    }
    return false;
}

bool nodeMatches(const FilterNode &node, const Event &event, const QDateTime &now)
{
    switch (node.kind) {
    case FilterNode::Kind::Term:
        return termMatches(node.term, event, now);
    case FilterNode::Kind::Not:
        return !nodeMatches(*node.children.front(), event, now);
    case FilterNode::Kind::And:
        for (const auto &child : node.children) {
            if (!nodeMatches(*child, event, now))
                return false;
        }
        return true;
    case FilterNode::Kind::Or:
        for (const auto &child : node.children) {
            if (nodeMatches(*child, event, now))
                return true;
        }
        return false;
    }
    return false;
}

class SqlWriter
{
public:
    explicit SqlWriter(const QDateTime &now)
        : m_now(now)
    {}
    EventFilter::Sql sql;

    void node(const FilterNode &node)
    {
        switch (node.kind) {
        case FilterNode::Kind::Term:
            return term(node.term);
        case FilterNode::Kind::Not:
            sql.where += QLatin1String("NOT coalesce(");
            this->node(*node.children.front());
            sql.where += QLatin1String(", 0)");
            return;
        case FilterNode::Kind::And:
        case FilterNode::Kind::Or: {
            const QLatin1String op(node.kind == FilterNode::Kind::And ? " AND " : " OR ");
            sql.where += QLatin1Char('(');
            for (qsizetype i = 0; i < node.children.size(); ++i) {
                if (i > 0)
                    sql.where += op;
                this->node(*node.children[i]);
            }
            sql.where += QLatin1Char(')');
            return;
        }
        }
    }

private:
    void add(QLatin1String text, const QVariant &value)
    {
        sql.where += text;
        sql.values.append(value);
    }
    void like(QLatin1String column, const QString &glob)
    {
        sql.where += column;
        add(QLatin1String(" LIKE ? ESCAPE '\\'"), likePattern(glob));
    }
    void range(QLatin1String column, const FilterTerm &term)
    {
        sql.where += column;
        if (term.low == term.high) {
            add(QLatin1String(" = ?"), term.low);
        } else if (term.low == FilterTerm::Min) {
            add(QLatin1String(" <= ?"), term.high);
        } else if (term.high == FilterTerm::Max) {
            add(QLatin1String(" >= ?"), term.low);
        } else {
            add(QLatin1String(" BETWEEN ?"), term.low);
            add(QLatin1String(" AND ?"), term.high);
        }
    }
    void body(const QString &needle)
    {
        add(QLatin1String("instr(lower(body), ?) > 0"),
            QString::fromUtf8(asciiLower(needle.toUtf8())));
    }

    void term(const FilterTerm &term)
    {
        switch (term.field) {
        case Field::Text:
            sql.where += QLatin1Char('(');
            like(QLatin1String("ifnull(path, '')"),
                 QLatin1Char('*') + term.text + QLatin1Char('*'));
            sql.where += QLatin1String(" OR ");
            body(term.text);
            sql.where += QLatin1Char(')');
            return;
        case Field::Status:
            // One status but 200: the extra term changes nothing that matches and lets SQLite use
            // events_status_unusual, whose rows come in id order (ORDER BY id LIMIT stops early).
            // Not for ranges: their index rows need sorting, which made status:4xx at 1% of 1M
            // rows take 33 ms instead of 0.6.
            if (term.low != term.high || term.low == 200)
                return range(QLatin1String("status"), term);
            sql.where += QLatin1Char('(');
            range(QLatin1String("status"), term);
            sql.where += QLatin1String(" AND ") + UnusualStatusWhere + QLatin1Char(')');
            return;
        case Field::Id:
            return range(QLatin1String("id"), term);
        case Field::Size:
            return range(QLatin1String("size"), term);
        case Field::Method:
            // Methods compare without case, as in matches().
            return add(QLatin1String("method = ? COLLATE NOCASE"), term.text);
        case Field::Path:
            return like(QLatin1String("ifnull(path, '')"), term.text);
        case Field::Query:
            return like(QLatin1String("ifnull(query, '')"), term.text);
        case Field::Remote:
            return like(QLatin1String("ifnull(remote_address, '')"), term.text);
        case Field::Auth:
            if (term.auth != AuthOutcome::Failed && term.auth != AuthOutcome::Missing)
                return add(QLatin1String("auth = ?"), authOutcomeName(term.auth));
            // The same for events_auth_problem (auth terms are always one value).
            add(QLatin1String("(auth = ?"), authOutcomeName(term.auth));
            sql.where += QLatin1String(" AND ") + AuthProblemWhere + QLatin1Char(')');
            return;
        case Field::Valid:
            return add(QLatin1String("valid = ?"), term.flag ? 1 : 0);
        case Field::Body:
            return body(term.text);
        case Field::Header:
            // json_each() per row is slow (~2 us); a plain substring test on the JSON text
            // first skips most rows. Safe: what LIKE matches appears verbatim in that text.
            for (const QString &glob : {term.text, term.headerValue}) {
                const QString piece = longestVerbatimPiece(glob);
                if (!piece.isEmpty())
                    add(QLatin1String("instr(lower(headers), ?) > 0 AND "), piece);
            }
            sql.where +=
                QLatin1String("EXISTS (SELECT 1 FROM json_each(events.headers) AS h WHERE ");
            like(QLatin1String("json_extract(h.value, '$[0]')"), term.text);
            if (term.hasHeaderValue) {
                sql.where += QLatin1String(" AND ");
                like(QLatin1String("json_extract(h.value, '$[1]')"), term.headerValue);
            }
            sql.where += QLatin1Char(')');
            return;
        case Field::Endpoint:
            return add(QLatin1String("endpoint = ?"), term.text);
        case Field::Key:
            return add(QLatin1String("key_id = ?"), term.text);
        case Field::Since:
            return add(QLatin1String("received_at >= ?"), timeBound(term, m_now));
        case Field::Until:
            return add(QLatin1String("received_at < ?"), timeBound(term, m_now));
        case Field::Is:
            // Literal, not bound: written as the partial indexes' WHERE (events_starred,
            // events_retries), so that SQLite can prove they apply.
            sql.where += term.state == FilterTerm::State::Starred
                             ? QLatin1String("starred = 1")
                             : QLatin1String("delivery_of IS NOT NULL");
            return;
        }
    }

    QDateTime m_now;
};

} // namespace

EventFilter::Sql EventFilter::compile(const QDateTime &now) const
{
    if (!isValid())
        return {QStringLiteral("0"), {}};
    if (!m_root)
        return {QStringLiteral("1"), {}};
    SqlWriter writer(now);
    writer.node(*m_root);
    return writer.sql;
}

bool EventFilter::matches(const Event &event, const QDateTime &now) const
{
    if (!isValid())
        return false;
    return !m_root || nodeMatches(*m_root, event, now);
}

} // namespace hookbench
