#include "eventfilterterm.h"

#include <QDate>
#include <QRegularExpression>

#include <algorithm>

namespace hookbench {

namespace {

using Field = FilterTerm::Field;

struct FieldName
{
    QLatin1String name;
    Field field;
};

const FieldName Fields[] = {
    {QLatin1String("status"), Field::Status}, {QLatin1String("method"), Field::Method},
    {QLatin1String("path"), Field::Path},     {QLatin1String("query"), Field::Query},
    {QLatin1String("auth"), Field::Auth},     {QLatin1String("valid"), Field::Valid},
    {QLatin1String("body"), Field::Body},     {QLatin1String("header"), Field::Header},
    {QLatin1String("remote"), Field::Remote}, {QLatin1String("endpoint"), Field::Endpoint},
    {QLatin1String("since"), Field::Since},   {QLatin1String("until"), Field::Until},
    {QLatin1String("id"), Field::Id},         {QLatin1String("size"), Field::Size},
    {QLatin1String("key"), Field::Key},       {QLatin1String("is"), Field::Is},
};

int editDistance(QStringView a, QStringView b)
{
    QList<int> row(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            const int substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
            diagonal = above;
        }
    }
    return row[b.size()];
}

QString unknownField(const QString &field, int position)
{
    QString best;
    int bestDistance = 3; // further than two edits is a different word, not a typo
    QStringList all;
    for (const FieldName &known : Fields) {
        all.append(known.name);
        const int distance = editDistance(field, QString(known.name));
        if (distance < bestDistance) {
            bestDistance = distance;
            best = known.name;
        }
    }
    if (!best.isEmpty()) {
        return QStringLiteral("unknown field '%1'%2 (did you mean '%3'?)")
            .arg(field, filterColumn(position), best);
    }
    return QStringLiteral("unknown field '%1'%2; the fields are %3")
        .arg(field, filterColumn(position), all.join(QLatin1String(", ")));
}

// Digits with an optional K/M/G suffix (powers of 1024, as for file sizes) when allowed.
bool readNumber(QStringView text, bool suffixes, qint64 *number)
{
    qint64 factor = 1;
    if (suffixes && !text.isEmpty()) {
        switch (text.back().toUpper().unicode()) {
        case 'K':
            factor = qint64(1) << 10;
            break;
        case 'M':
            factor = qint64(1) << 20;
            break;
        case 'G':
            factor = qint64(1) << 30;
            break;
        }
        if (factor > 1)
            text.chop(1);
    }
    if (text.isEmpty() || !std::all_of(text.begin(), text.end(), [](QChar c) {
            return c.unicode() >= '0' && c.unicode() <= '9';
        }))
        return false;
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    if (!ok || value > FilterTerm::Max / factor)
        return false;
    *number = value * factor;
    return true;
}

// 401, 4xx (status only), 400-499, >=400, >400, <=400, <400, =400 into [low, high].
bool readRange(QStringView text, Field field, FilterTerm *term)
{
    const bool suffixes = field == Field::Size;
    qint64 a = 0;
    qint64 b = 0;
    const auto op = [&](QLatin1String prefix) {
        if (!text.startsWith(prefix))
            return false;
        return readNumber(text.mid(prefix.size()), suffixes, &a);
    };
    if (op(QLatin1String(">="))) {
        term->low = a;
    } else if (op(QLatin1String("<="))) {
        term->high = a;
    } else if (op(QLatin1String(">"))) {
        if (a == FilterTerm::Max)
            return false;
        term->low = a + 1;
    } else if (op(QLatin1String("<"))) {
        term->high = a - 1;
    } else if (op(QLatin1String("="))) {
        term->low = term->high = a;
    } else if (field == Field::Status && text.size() == 3 && text[0] >= QLatin1Char('1') &&
               text[0] <= QLatin1Char('9') &&
               text.mid(1).compare(QLatin1String("xx"), Qt::CaseInsensitive) == 0) {
        term->low = (text[0].unicode() - '0') * 100;
        term->high = term->low + 99;
    } else if (const int dash = int(text.indexOf(QLatin1Char('-'))); dash > 0) {
        if (!readNumber(text.left(dash), suffixes, &a) ||
            !readNumber(text.mid(dash + 1), suffixes, &b) || b < a)
            return false;
        term->low = a;
        term->high = b;
    } else if (readNumber(text, suffixes, &a)) {
        term->low = term->high = a;
    } else {
        return false;
    }
    return true;
}

// 30s, 10m, 2h, 3d, 1w back from now, or an ISO 8601 date or date-time (UTC unless it says).
bool readTime(const QString &text, FilterTerm *term)
{
    static const QRegularExpression duration(QStringLiteral("^(\\d{1,9})([smhdw])$"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = duration.match(text);
    if (match.hasMatch()) {
        static const QString units = QStringLiteral("smhdw");
        static const qint64 unitMs[] = {1000, 60000, 3600000, 86400000, 604800000};
        term->relative = true;
        term->low =
            match.captured(1).toLongLong() * unitMs[units.indexOf(match.captured(2).toLower())];
        return true;
    }
    // QDate::fromString() would read the date part of a date-time and drop the rest.
    QDateTime when;
    if (text.contains(QLatin1Char('T')))
        when = QDateTime::fromString(text, Qt::ISODateWithMs);
    else if (const QDate date = QDate::fromString(text, Qt::ISODate); date.isValid())
        when = date.startOfDay(Qt::UTC);
    if (!when.isValid())
        return false;
    if (when.timeSpec() == Qt::LocalTime)
        when.setTimeSpec(Qt::UTC); // no offset given: the stored clock, UTC
    term->low = when.toMSecsSinceEpoch();
    return true;
}

bool readChoice(const QString &text, const QList<QPair<QLatin1String, int>> &choices, int *value)
{
    for (const auto &choice : choices) {
        if (text.compare(choice.first, Qt::CaseInsensitive) == 0) {
            *value = choice.second;
            return true;
        }
    }
    return false;
}

// What each field expects, for "status: expected ..." messages.
QString expectation(Field field)
{
    switch (field) {
    case Field::Status:
        return QStringLiteral("a number, a class like 4xx or a range like 400-499");
    case Field::Id:
        return QStringLiteral("an event id like 42, a range like 10-20 or a comparison like >100");
    case Field::Size:
        return QStringLiteral("a size in bytes like 1000 or 10K, a range like 100-2K "
                              "or a comparison like >1M");
    case Field::Since:
    case Field::Until:
        return QStringLiteral("a duration like 30s, 10m, 2h, 3d or 1w, or a date-time like "
                              "2024-05-01 or 2024-05-01T12:00:00Z");
    case Field::Auth:
        return QStringLiteral("ok, failed, missing or not_required");
    case Field::Valid:
        return QStringLiteral("true or false");
    case Field::Is:
        return QStringLiteral("starred or retry");
    case Field::Header:
        return QStringLiteral("a header name like user-agent, or name=value like "
                              "user-agent=VWO*");
    default:
        return QStringLiteral("a value");
    }
}

} // namespace

QString filterColumn(int position)
{
    return QStringLiteral(" at column %1").arg(position + 1);
}

bool readFilterTerm(QStringView field, int fieldPos, const QString &value, int valuePos,
                    int valueLength, FilterTerm *term, EventFilter::Error *error)
{
    const QString name = field.toString().toLower();
    if (!field.isEmpty()) {
        const auto known = std::find_if(std::begin(Fields), std::end(Fields),
                                        [&](const FieldName &f) { return f.name == name; });
        if (known == std::end(Fields)) {
            *error = {unknownField(field.toString(), fieldPos), fieldPos, int(field.size())};
            return false;
        }
        term->field = known->field;
    }
    term->source = field.isEmpty() ? value : name + QLatin1Char(':') + value;
    const auto fail = [&] {
        const QString what = field.isEmpty() ? QStringLiteral("search") : name;
        *error = {QStringLiteral("%1: expected %2%3")
                      .arg(what, expectation(term->field), filterColumn(valuePos)),
                  valuePos, valueLength};
        return false;
    };
    if (value.isEmpty())
        return fail();
    int choice = 0;
    switch (term->field) {
    case Field::Status:
    case Field::Id:
    case Field::Size:
        return readRange(value, term->field, term) || fail();
    case Field::Since:
    case Field::Until:
        return readTime(value, term) || fail();
    case Field::Auth:
        if (!readChoice(value,
                        {{QLatin1String("ok"), int(AuthOutcome::Ok)},
                         {QLatin1String("failed"), int(AuthOutcome::Failed)},
                         {QLatin1String("missing"), int(AuthOutcome::Missing)},
                         {QLatin1String("not_required"), int(AuthOutcome::NotRequired)},
                         {QLatin1String("none"), int(AuthOutcome::NotRequired)}},
                        &choice))
            return fail();
        term->auth = AuthOutcome(choice);
        return true;
    case Field::Valid:
        if (!readChoice(value,
                        {{QLatin1String("true"), 1},
                         {QLatin1String("yes"), 1},
                         {QLatin1String("1"), 1},
                         {QLatin1String("false"), 0},
                         {QLatin1String("no"), 0},
                         {QLatin1String("0"), 0}},
                        &choice))
            return fail();
        term->flag = choice != 0;
        return true;
    case Field::Is:
        if (!readChoice(value,
                        {{QLatin1String("starred"), int(FilterTerm::State::Starred)},
                         {QLatin1String("retry"), int(FilterTerm::State::Retry)}},
                        &choice))
            return fail();
        term->state = FilterTerm::State(choice);
        return true;
    case Field::Header: {
        const int equals = int(value.indexOf(QLatin1Char('=')));
        term->text = equals < 0 ? value : value.left(equals);
        term->hasHeaderValue = equals >= 0;
        term->headerValue = equals < 0 ? QString() : value.mid(equals + 1);
        return !term->text.isEmpty() || fail();
    }
    default:
        term->text = value;
        return true;
    }
}

} // namespace hookbench
