#include "events/eventfilter.h"
#include "events/eventstore.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace hookbench;

namespace {

const QDateTime Now = QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);

// Varied on purpose where the two evaluations could drift: case, LIKE metacharacters, NUL,
// bytes that are not UTF-8 (stored as BLOBs), Latin-1 header bytes, empty and null values.
QList<Event> generateEvents(int count)
{
    const QList<int> statuses = {200, 201, 204, 301, 400, 401, 403, 404, 413, 500, 503};
    const QList<QByteArray> methods = {"POST", "post", "GET", "Put", "DELETE", {}};
    const QList<QByteArray> paths = {"/vwo-webhook",
                                     "/VWO-Webhook",
                                     "/vwo",
                                     "/api/v1/x_y",
                                     "/a%b",
                                     "/",
                                     {},
                                     QByteArray("/vwo\xff", 5),
                                     QByteArray("/nul\0vwo", 8),
                                     "/caf\xc3\xa9",
                                     "/a\\b"};
    const QList<QByteArray> queries = {{}, "n=1", "a=b&c=d", "x_y=1%", "Campaign=5"};
    const QList<QByteArray> bodies = {
        R"({"event": "settings_changed", "action": "campaign_settings_changed"})",
        "CAMPAIGN",
        "caf\xc3\xa9 CAF\xc3\x89",
        QByteArray("ab\0campaign", 11),
        QByteArray("\xff\xfe campaign", 11),
        "",
        {},
        "100% of x_y"};
    const QList<QString> remotes = {QStringLiteral("127.0.0.1"), QStringLiteral("10.0.0.5"),
                                    QStringLiteral("::1")};
    const QList<AuthOutcome> auths = {AuthOutcome::NotRequired, AuthOutcome::Ok,
                                      AuthOutcome::Failed, AuthOutcome::Missing};
    const QList<QString> keys = {QString(), QStringLiteral("key-1"), QStringLiteral("key-2")};
    QRandomGenerator random(20240501);
    const auto pick = [&](const auto &list) { return list.at(random.bounded(int(list.size()))); };
    QList<Event> events;
    for (int i = 0; i < count; ++i) {
        Event e;
        e.endpoint = random.bounded(4) == 0 ? QStringLiteral("staging") : QStringLiteral("default");
        e.receivedAt = Now.addMSecs(-qint64(random.bounded(3 * 86400)) * 1000);
        e.method = pick(methods);
        e.path = pick(paths);
        e.query = pick(queries);
        e.headers = {{"Host", "127.0.0.1:4000"}};
        if (random.bounded(2))
            e.headers.append(qMakePair(QByteArray("User-Agent"),
                                       QByteArray(random.bounded(2) ? "VWO-Webhook" : "curl/8.0")));
        if (random.bounded(3) == 0)
            e.headers.append(
                qMakePair(QByteArray("X-Caf\xe9"), QByteArray("\xe9t\xe9"))); // Latin-1
        if (random.bounded(3) == 0)
            e.headers.append(qMakePair(QByteArray("x-vwo-auth"), QByteArray("abc_%")));
        e.body = pick(bodies);
        e.remoteAddress = pick(remotes);
        e.size = random.bounded(4096);
        e.status = pick(statuses);
        e.auth = pick(auths);
        e.keyId = e.auth == AuthOutcome::Ok ? pick(keys) : QString();
        e.valid = random.bounded(2);
        // Valid payloads carry a timestamp; a third of them retry the one before (is:retry).
        if (e.valid && !events.isEmpty() && events.last().payloadTimestamp != 0 &&
            random.bounded(3) == 0) {
            e.endpoint = events.last().endpoint;
            e.receivedAt = events.last().receivedAt.addSecs(2);
            e.payloadTimestamp = events.last().payloadTimestamp;
        } else if (e.valid) {
            e.payloadTimestamp = 1 + random.bounded(1000);
        }
        events.append(e);
    }
    return events;
}

QList<qint64> ids(const QList<Event> &events)
{
    QList<qint64> result;
    for (const Event &e : events)
        result.append(e.id);
    return result;
}

} // namespace

class TestEventFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesToTree_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("tree");
        QTest::addRow("empty") << QString() << QString();
        QTest::addRow("blank") << QStringLiteral("   ") << QString();
        QTest::addRow("one") << QStringLiteral("status:401") << QStringLiteral("status:401");
        QTest::addRow("field case") << QStringLiteral("STATUS:401") << QStringLiteral("status:401");
        QTest::addRow("implicit and")
            << QStringLiteral("status:401 auth:failed method:POST")
            << QStringLiteral("(status:401 AND auth:failed AND method:POST)");
        QTest::addRow("precedence")
            << QStringLiteral("a b OR c NOT d") << QStringLiteral("((a AND b) OR (c AND NOT d))");
        QTest::addRow("keywords any case")
            << QStringLiteral("a and b or not c") << QStringLiteral("((a AND b) OR NOT c)");
        QTest::addRow("parens") << QStringLiteral("(status:401 OR status:403) -method:GET")
                                << QStringLiteral(
                                       "((status:401 OR status:403) AND NOT method:GET)");
        QTest::addRow("nested not") << QStringLiteral("NOT -(a)") << QStringLiteral("NOT NOT a");
        QTest::addRow("quoted") << QStringLiteral("body:\"campaign \\\"x\\\" \\\\ y\"")
                                << QStringLiteral("body:\"campaign \\\"x\\\" \\\\ y\"");
        // Kept quoted: bare, it would read back as the operator (found by fuzz_eventfilter).
        QTest::addRow("quoted keyword") << QStringLiteral("\"and\"") << QStringLiteral("\"and\"");
        QTest::addRow("quoted field-like text")
            << QStringLiteral("-body\"a:b\"") << QStringLiteral("NOT \"bodya:b\"");
        QTest::addRow("quoted dash") << QStringLiteral("\"-x\"") << QStringLiteral("\"-x\"");
        QTest::addRow("paren closes value")
            << QStringLiteral("(path:/vwo*)") << QStringLiteral("path:/vwo*");
        QTest::addRow("dash inside word")
            << QStringLiteral("vwo-webhook") << QStringLiteral("vwo-webhook");
        QTest::addRow("header") << QStringLiteral("header:user-agent=VWO* header:x-vwo-auth")
                                << QStringLiteral("(header:user-agent=VWO* AND header:x-vwo-auth)");
        QTest::addRow("date-time")
            << QStringLiteral("since:2024-05-01T10:00:00Z until:2024-05-02")
            << QStringLiteral("(since:2024-05-01T10:00:00Z AND until:2024-05-02)");
        QTest::addRow("url bare word") << QStringLiteral("/a:b") << QStringLiteral("/a:b");
        QTest::addRow("is") << QStringLiteral("is:starred -is:retry")
                            << QStringLiteral("(is:starred AND NOT is:retry)");
    }
    void parsesToTree()
    {
        QFETCH(QString, text);
        QFETCH(QString, tree);
        const EventFilter filter = EventFilter::parse(text);
        QVERIFY2(filter.isValid(), qPrintable(filter.error().message));
        QCOMPARE(filter.toString(), tree);
        QCOMPARE(filter.matchesAll(), tree.isEmpty());
        // The canonical form is the same filter.
        QCOMPARE(EventFilter::parse(tree).toString(), tree);
    }

    void valueForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("low");
        QTest::addColumn<qint64>("high");
        const qint64 min = FilterTerm::Min;
        const qint64 max = FilterTerm::Max;
        QTest::addRow("exact") << QStringLiteral("status:401") << 401LL << 401LL;
        QTest::addRow("class") << QStringLiteral("status:4xx") << 400LL << 499LL;
        QTest::addRow("class upper") << QStringLiteral("status:5XX") << 500LL << 599LL;
        QTest::addRow("range") << QStringLiteral("status:400-499") << 400LL << 499LL;
        QTest::addRow(">=") << QStringLiteral("status:>=400") << 400LL << max;
        QTest::addRow(">") << QStringLiteral("status:>400") << 401LL << max;
        QTest::addRow("<=") << QStringLiteral("id:<=10") << min << 10LL;
        QTest::addRow("<") << QStringLiteral("id:<10") << min << 9LL;
        QTest::addRow("=") << QStringLiteral("id:=7") << 7LL << 7LL;
        QTest::addRow("size K") << QStringLiteral("size:>1K") << 1025LL << max;
        QTest::addRow("size M range") << QStringLiteral("size:1k-2M") << 1024LL << 2097152LL;
        QTest::addRow("10m") << QStringLiteral("since:10m") << 600000LL << max;
        QTest::addRow("2h") << QStringLiteral("until:2H") << 7200000LL << max;
        QTest::addRow("3d") << QStringLiteral("since:3d") << 259200000LL << max;
        QTest::addRow("date") << QStringLiteral("since:2024-05-01")
                              << Now.date().startOfDay(Qt::UTC).toMSecsSinceEpoch() << max;
        QTest::addRow("utc default")
            << QStringLiteral("since:2024-05-01T12:00") << Now.toMSecsSinceEpoch() << max;
        QTest::addRow("offset") << QStringLiteral("since:2024-05-01T14:00:00+02:00")
                                << Now.toMSecsSinceEpoch() << max;
    }
    void valueForms()
    {
        QFETCH(QString, text);
        QFETCH(qint64, low);
        QFETCH(qint64, high);
        const EventFilter filter = EventFilter::parse(text);
        QVERIFY2(filter.isValid(), qPrintable(filter.error().message));
        QCOMPARE(filter.root()->kind, FilterNode::Kind::Term);
        QCOMPARE(filter.root()->term.low, low);
        QCOMPARE(filter.root()->term.high, high);
    }

    void choices_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("auth");
        QTest::addColumn<bool>("flag");
        QTest::addRow("ok") << QStringLiteral("auth:OK") << int(AuthOutcome::Ok) << false;
        QTest::addRow("failed") << QStringLiteral("auth:failed") << int(AuthOutcome::Failed)
                                << false;
        QTest::addRow("missing") << QStringLiteral("auth:missing") << int(AuthOutcome::Missing)
                                 << false;
        QTest::addRow("not_required")
            << QStringLiteral("auth:not_required") << int(AuthOutcome::NotRequired) << false;
        QTest::addRow("none") << QStringLiteral("auth:none") << int(AuthOutcome::NotRequired)
                              << false;
        for (const char *yes : {"true", "yes", "1", "TRUE"})
            QTest::addRow("valid:%s", yes) << QStringLiteral("valid:%1").arg(QLatin1String(yes))
                                           << int(AuthOutcome::NotRequired) << true;
        for (const char *no : {"false", "no", "0"})
            QTest::addRow("valid:%s", no) << QStringLiteral("valid:%1").arg(QLatin1String(no))
                                          << int(AuthOutcome::NotRequired) << false;
    }
    void choices()
    {
        QFETCH(QString, text);
        QFETCH(int, auth);
        QFETCH(bool, flag);
        const EventFilter filter = EventFilter::parse(text);
        QVERIFY2(filter.isValid(), qPrintable(filter.error().message));
        QCOMPARE(int(filter.root()->term.auth), auth);
        QCOMPARE(filter.root()->term.flag, flag);
    }

    void isValues_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("state");
        QTest::addRow("starred") << QStringLiteral("is:starred") << int(FilterTerm::State::Starred);
        QTest::addRow("retry") << QStringLiteral("is:retry") << int(FilterTerm::State::Retry);
        QTest::addRow("any case") << QStringLiteral("IS:Retry") << int(FilterTerm::State::Retry);
        QTest::addRow("quoted") << QStringLiteral("is:\"starred\"")
                                << int(FilterTerm::State::Starred);
    }
    void isValues()
    {
        QFETCH(QString, text);
        QFETCH(int, state);
        const EventFilter filter = EventFilter::parse(text);
        QVERIFY2(filter.isValid(), qPrintable(filter.error().message));
        QCOMPARE(filter.root()->term.field, FilterTerm::Field::Is);
        QCOMPARE(int(filter.root()->term.state), state);
        // Literal SQL, as the partial indexes' WHERE, so SQLite can use them.
        QVERIFY(filter.compile(Now).values.isEmpty());
        QCOMPARE(filter.compile(Now).where, state == int(FilterTerm::State::Starred)
                                                ? QStringLiteral("starred = 1")
                                                : QStringLiteral("delivery_of IS NOT NULL"));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("position");
        QTest::addColumn<int>("length");
        const auto row = [](const char *name, const char *text, const char *message, int position,
                            int length) {
            QTest::addRow("%s", name)
                << QString::fromUtf8(text) << QString::fromUtf8(message) << position << length;
        };
        row("status word", "status:abc",
            "status: expected a number, a class like 4xx or a range like 400-499 at column 8", 7,
            3);
        row("status after term", "auth:ok status:4x", "status: expected a number", 15, 2);
        row("status empty", "status:", "status: expected a number", 7, 0);
        row("backwards range", "status:499-400", "range like 400-499 at column 8", 7, 7);
        row("status >", "status:>", "status: expected", 7, 1);
        row("size bad suffix", "size:10T", "size: expected a size in bytes", 5, 3);
        row("size overflow", "size:99999999999999999999", "size: expected", 5, 20);
        row("id letters", "id:x1", "id: expected an event id", 3, 2);
        row("since bad", "since:10y", "since: expected a duration like 30s, 10m", 6, 3);
        row("until bad date", "until:2024-13-01", "until: expected a duration", 6, 10);
        row("auth bad", "auth:maybe",
            "auth: expected ok, failed, missing or not_required at column 6", 5, 5);
        row("valid bad", "valid:perhaps", "valid: expected true or false at column 7", 6, 7);
        row("header empty name", "header:=x", "header: expected a header name", 7, 2);
        row("is bad", "is:banana", "is: expected starred or retry at column 4", 3, 6);
        row("is bad later", "status:401 is:star", "is: expected starred or retry at column 15", 14,
            4);
        row("is empty", "is:", "is: expected starred or retry at column 4", 3, 0);
        row("is valid value", "is:true", "is: expected starred or retry", 3, 4);
        row("is typo", "iss:retry", "unknown field 'iss' at column 1 (did you mean 'is'?)", 0, 3);
        row("path empty", "path:", "path: expected a value at column 6", 5, 0);
        row("body empty quoted", "body:\"\"", "body: expected a value at column 6", 5, 2);
        row("unclosed quote", "status:401 body:\"camp", "unclosed quote at column 17", 16, 5);
        row("unclosed bare quote", "a \"b", "unclosed quote at column 3", 2, 2);
        row("typo", "stauts:401", "unknown field 'stauts' at column 1 (did you mean 'status'?)", 0,
            6);
        row("typo later", "auth:ok mehtod:GET", "(did you mean 'method'?)", 8, 6);
        row("unknown far", "colour:red",
            "unknown field 'colour' at column 1; the fields are status", 0, 6);
        row("missing paren", "(status:401 OR auth:ok", "missing ')' for the '(' at column 1", 0, 1);
        row("extra paren", "status:401)", "unexpected ')' at column 11: there is no '(' to close",
            10, 1);
        row("lone paren", ")", "unexpected ')' at column 1", 0, 1);
        row("empty parens", "a ()", "empty parentheses at column 3", 2, 1);
        row("dangling or", "status:401 OR", "expected a term after OR at column 14", 13, 0);
        row("dangling and", "a AND", "expected a term after AND at column 6", 5, 0);
        row("dangling not", "a not", "expected a term after NOT at column 6", 5, 0);
        row("or or", "a OR OR b", "expected a term after OR but found 'OR' at column 6", 5, 2);
        row("leading and", "AND a", "expected a term before AND at column 1", 0, 3);
        row("or then paren", "(a OR )", "expected a term after OR but found ')' at column 7", 6, 1);
    }
    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QFETCH(int, position);
        QFETCH(int, length);
        const EventFilter filter = EventFilter::parse(text);
        QVERIFY2(!filter.isValid(), qPrintable(filter.toString()));
        QVERIFY2(filter.error().message.contains(message), qPrintable(filter.error().message));
        QCOMPARE(filter.error().position, position);
        QCOMPARE(filter.error().length, length);
        QVERIFY(!filter.matches(Event(), Now));
        QCOMPARE(filter.compile(Now).where, QStringLiteral("0"));
    }

    void errorsQuoteUserTextSafely()
    {
        const EventFilter filter = EventFilter::parse(u"(a OR %2x)  OR");
        QVERIFY(!filter.isValid());
        QCOMPARE(filter.error().message, QStringLiteral("expected a term after OR at column 15"));
        const EventFilter found = EventFilter::parse(u"a OR %1");
        QVERIFY(found.isValid());
        QCOMPARE(found.toString(), QStringLiteral("(a OR %1)"));
    }

    void rejectsDeepNesting()
    {
        const QString deep =
            QString(150, QLatin1Char('(')) + QLatin1Char('a') + QString(150, QLatin1Char(')'));
        const EventFilter filter = EventFilter::parse(deep);
        QVERIFY(!filter.isValid());
        QVERIFY(filter.error().message.contains(QLatin1String("nested too deeply")));
        QVERIFY(EventFilter::parse(QString(QString(50, QLatin1Char('-')) + QLatin1Char('a')))
                    .isValid());
    }

    void compilesWithPlaceholdersOnly()
    {
        const EventFilter filter =
            EventFilter::parse(u"path:\"/x'; DROP TABLE events; --\" body:100%_x\\");
        QVERIFY(filter.isValid());
        const EventFilter::Sql sql = filter.compile(Now);
        QVERIFY2(!sql.where.contains(QLatin1String("DROP")), qPrintable(sql.where));
        QCOMPARE(sql.values.size(), 2);
        QCOMPARE(sql.values.at(0).toString(), QStringLiteral("/x'; DROP TABLE events; --"));
        QCOMPARE(sql.values.at(1).toString(), QStringLiteral("100%_x\\"));
        QCOMPARE(EventFilter::parse(u"path:/a_b%c\\d*").compile(Now).values.first().toString(),
                 QStringLiteral("/a\\_b\\%c\\\\d%"));
        QCOMPARE(EventFilter().compile(Now).where, QStringLiteral("1"));
        QVERIFY(EventFilter().matches(Event(), Now));
    }

    // Terms that imply a partial index's WHERE get it written out (eventschema.h): exactly the
    // index's text, or SQLite cannot use it.
    void compilesPartialIndexTerms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::addRow("status:401") << "status:401"
                                    << "(status = ? AND status <> 200)";
        QTest::addRow("status:=503") << "status:=503"
                                     << "(status = ? AND status <> 200)";
        QTest::addRow("status:200") << "status:200"
                                    << "status = ?";
        QTest::addRow("status:4xx, a range") << "status:4xx"
                                             << "status BETWEEN ? AND ?";
        QTest::addRow("auth:failed") << "auth:failed"
                                     << "(auth = ? AND auth IN ('failed', 'missing'))";
        QTest::addRow("auth:missing") << "auth:missing"
                                      << "(auth = ? AND auth IN ('failed', 'missing'))";
        QTest::addRow("auth:ok") << "auth:ok"
                                 << "auth = ?";
        QTest::addRow("auth:none") << "auth:none"
                                   << "auth = ?";
        QTest::addRow("not") << "-status:401"
                             << "NOT coalesce((status = ? AND status <> 200), 0)";
    }
    void compilesPartialIndexTerms()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        QCOMPARE(EventFilter::parse(text).compile(Now).where, where);
    }

    // The key check: SQLite and the in-memory evaluator must pick the same events.
    void sqlAndMemoryAgree_data()
    {
        QTest::addColumn<QString>("text");
        const char *filters[] = {
            "status:401",
            "status:4xx",
            "status:400-499",
            "status:>=500",
            "status:<300",
            "-status:200",
            "method:post",
            "method:GET",
            "NOT method:POST",
            "path:/vwo*",
            "path:/VWO-WEBHOOK",
            "path:*x_y",
            "path:/a%b",
            "path:*",
            "-path:*",
            "path:/nul*",
            "path:*vwo*",
            "path:/a\\b",
            "path:/caf*",
            "query:*=1*",
            "query:x_y=1%",
            "query:*campaign*",
            "-query:*",
            "auth:failed",
            "auth:none",
            "auth:ok",
            "valid:false",
            "valid:yes",
            "body:campaign",
            "body:CAMPAIGN",
            "body:\"caf\xc3\xa9\"",
            "body:\"CAF\xc3\x89\"",
            "body:100%",
            "body:x_y",
            "-body:campaign",
            "campaign",
            "vwo",
            "VWO",
            "x_y",
            "header:user-agent",
            "header:USER-AGENT=vwo*",
            "header:x-caf\xc3\xa9",
            "header:x-caf\xc3\xa9=\xc3\xa9t\xc3\xa9",
            "header:x-vwo-auth=abc_%",
            "header:*agent=curl*",
            "-header:user-agent",
            "remote:127.*",
            "remote:::1",
            "endpoint:staging",
            "-endpoint:default",
            "key:key-1",
            "-key:key-2",
            "since:10h",
            "until:1d",
            "since:2d until:1d",
            "since:2024-04-30",
            "until:2024-04-30T06:00:00Z",
            "id:>100",
            "id:10-50",
            "size:>2K",
            "size:<=1000",
            "status:401 auth:failed method:POST path:/vwo* body:campaign",
            "(status:401 OR status:403) AND NOT (method:GET OR auth:ok)",
            "status:4xx -(path:/vwo* body:campaign) OR valid:true since:1d",
            "NOT (path:* OR body:x)",
            "-(-method:post)",
            "a OR b OR valid:false",
            "(endpoint:default OR key:key-1) -header:x-vwo-auth status:2xx",
            "is:starred",
            "-is:starred",
            "is:retry",
            "NOT is:retry",
            "is:retry is:starred",
            "is:retry OR status:401",
            "-is:retry valid:true endpoint:staging",
            "status:200",
            "-status:401",
            "status:401 OR status:500",
            "auth:missing",
            "-auth:failed",
            "auth:failed OR auth:missing status:401",
        };
        for (const char *text : filters)
            QTest::addRow("%s", text) << QString::fromUtf8(text);
    }
    void sqlAndMemoryAgree()
    {
        QFETCH(QString, text);
        const EventFilter filter = EventFilter::parse(text);
        QVERIFY2(filter.isValid(), qPrintable(filter.error().message));
        const QList<Event> fromSql = m_store->query(filter, 0, 0, Now);
        QList<qint64> expected;
        for (const Event &e : std::as_const(m_stored)) {
            if (filter.matches(e, Now))
                expected.append(e.id);
        }
        QList<qint64> fromOriginals;
        for (const Event &e : std::as_const(m_originals)) {
            if (filter.matches(e, Now))
                fromOriginals.append(e.id);
        }
        QCOMPARE(ids(fromSql), expected);
        QCOMPARE(fromOriginals, expected); // live events (never stored) match the same way
        QCOMPARE(m_store->countMatching(filter, nullptr, {}, Now), qint64(expected.size()));
        // A filter that picks everything or nothing checks nothing.
        static const QRegularExpression everything(QStringLiteral(":\\*(\\s|\\)|$)"));
        if (!text.contains(everything) && text != QLatin1String("a OR b OR valid:false"))
            QVERIFY2(!expected.isEmpty() && expected.size() < m_stored.size(),
                     qPrintable(QString::number(expected.size())));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<EventStore>();
        m_store->setRetention(0);
        QCOMPARE(m_store->open(m_dir.filePath(QStringLiteral("events.sqlite"))), QString());
        m_originals = generateEvents(3000);
        QList<Event> committed;
        connect(m_store.get(), &EventStore::committed, this,
                [&](const QList<Event> &events) { committed += events; });
        for (qsizetype i = 0; i < m_originals.size(); i += 100)
            m_store->append(m_originals.mid(i, 100));
        QCOMPARE(committed.size(), m_originals.size());
        for (qsizetype i = 0; i < committed.size(); ++i) {
            m_originals[i].id = committed[i].id;
            m_originals[i].deliveryOf = committed[i].deliveryOf;
        }
        QList<qint64> starred;
        for (Event &e : m_originals) {
            if (e.id % 7 == 0) {
                e.starred = true;
                starred.append(e.id);
            }
        }
        m_store->setStarred(starred, true);
        std::reverse(m_originals.begin(), m_originals.end()); // newest first, as query() returns
        m_stored = m_store->latest(0);
        QCOMPARE(m_stored.size(), m_originals.size());
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EventStore> m_store;
    QList<Event> m_originals;
    QList<Event> m_stored;
};

QTEST_GUILESS_MAIN(TestEventFilter)
#include "tst_eventfilter.moc"
