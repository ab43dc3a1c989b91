#pragma once

#include "event.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringView>
#include <QVariantList>

#include <limits>
#include <memory>

namespace hookbench {

// One `field:value` term of a filter, already checked and converted.
struct FilterTerm
{
    enum class Field {
        Text, // a bare word: a substring of the path or of the body
        Status,
        Method,
        Path,
        Query,
        Auth,
        Valid,
        Body,
        Header,
        Remote,
        Endpoint,
        Since,
        Until,
        Id,
        Size,
        Key,
        Is // is:starred, is:retry
    };
    enum class State { Starred, Retry };
    static constexpr qint64 Min = std::numeric_limits<qint64>::min();
    static constexpr qint64 Max = std::numeric_limits<qint64>::max();

    Field field = Field::Text;
    QString source; // the term as written, unquoted: "status:4xx"
    QString text;   // Text/Body needle; Path/Query/Remote glob; Method, Endpoint, Key; header name
    QString headerValue; // header value glob, when hasHeaderValue
    bool hasHeaderValue = false;
    qint64 low = Min;      // Status, Id, Size: inclusive range
    qint64 high = Max;     // Since/Until: `low` is the bound in ms since the epoch, or a duration
    bool relative = false; // Since/Until: `low` is a duration before `now`
    AuthOutcome auth = AuthOutcome::NotRequired;
    bool flag = false;            // Valid
    State state = State::Starred; // Is
};

struct FilterNode
{
    enum class Kind { Term, And, Or, Not };
    Kind kind = Kind::Term;
    FilterTerm term;
    QList<std::shared_ptr<const FilterNode>> children;
};

// The event filter language:
//   status:401 auth:failed method:POST path:/vwo* body:"campaign" since:10m
// Terms are ANDed when adjacent; AND, OR, NOT (any case), `-term` and parentheses combine them,
// NOT binding tighter than AND, AND tighter than OR. Text matching is ASCII case-insensitive
// (SQLite's LIKE and lower() fold ASCII only, so in-memory matching does the same); `*` is the
// only wildcard, in path, query, remote and header names/values, which match whole values.
// body: and bare words are substrings; a bare word matches the path or the body.
// is:starred matches starred events, is:retry the retries of a delivery (NOT is:retry: first
// attempts and lone requests).
// Date-times without an offset are UTC, as stored.
// A plain value: parse once, then compile() for the store or matches() for live events.
class EventFilter
{
public:
    struct Error
    {
        QString message;   // names what is wrong and where ("... at column 8")
        int position = -1; // 0-based offset into the text
        int length = 0;
    };
    struct Sql
    {
        QString where;       // a boolean SQL expression over the events table; `?` placeholders
        QVariantList values; // bound in order
    };

    EventFilter() = default; // matches every event
    static EventFilter parse(QStringView text);

    bool isValid() const { return m_error.position < 0; }
    bool matchesAll() const { return isValid() && !m_root; } // empty text
    const Error &error() const { return m_error; }
    QString text() const { return m_text; }
    const FilterNode *root() const { return m_root.get(); }
    QString toString() const; // canonical, fully parenthesized form, for tests and debugging

    // Relative times (since:10m) count back from `now`. An invalid filter matches nothing.
    Sql compile(const QDateTime &now) const;
    bool matches(const Event &event, const QDateTime &now) const;

private:
    friend class FilterParser;
    QString m_text;
    Error m_error;
    std::shared_ptr<const FilterNode> m_root;
};

} // namespace hookbench
