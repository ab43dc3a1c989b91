// importCurl(): command lines as users paste them, and what "Copy as curl" writes.
#include "sender/curlimport.h"

#include <QTest>

using namespace hookbench;

class tst_CurlImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vwoWebhook()
    {
        const CurlImport imported = importCurl(QStringLiteral(
            "curl -X POST 'http://127.0.0.1:4000/vwo-webhook' \\\n"
            "  -H 'Content-Type: application/json' \\\n"
            "  -H \"x-vwo-auth: s3cr\\\"et\" \\\n"
            "  --data-raw '{\"timestamp\": 1, \"event\": \"it'\\''s\"}' --compressed"));
        QVERIFY2(imported.error.isEmpty(), qPrintable(imported.error));
        QCOMPARE(imported.request.method, QByteArray("POST"));
        QCOMPARE(imported.request.url, QUrl(QStringLiteral("http://127.0.0.1:4000/vwo-webhook")));
        const HeaderList expected{{"Content-Type", "application/json"}, {"x-vwo-auth", "s3cr\"et"}};
        QCOMPARE(imported.request.headers, expected);
        QCOMPARE(imported.request.body, QByteArray("{\"timestamp\": 1, \"event\": \"it's\"}"));
        QCOMPARE(imported.notes, QStringList{QStringLiteral("ignored: --compressed")});
    }
    void defaultsLikeCurl()
    {
        CurlImport imported = importCurl(QStringLiteral("curl example.com/a"));
        QCOMPARE(imported.request.method, QByteArray("GET"));
        QCOMPARE(imported.request.url.toString(), QStringLiteral("http://example.com/a"));
        imported = importCurl(QStringLiteral("curl -d a=1 --data b=2 http://h/x"));
        QCOMPARE(imported.request.method, QByteArray("POST"));
        QCOMPARE(imported.request.body, QByteArray("a=1&b=2"));
        QCOMPARE(imported.request.headers.value(0).second,
                 QByteArray("application/x-www-form-urlencoded"));
        imported = importCurl(QStringLiteral("curl --json '{\"a\":1}' -XPUT --url http://h/"));
        QCOMPARE(imported.request.method, QByteArray("PUT"));
        QCOMPARE(imported.request.body, QByteArray("{\"a\":1}"));
        QCOMPARE(imported.request.headers.size(), 2);
        imported = importCurl(QStringLiteral("curl -G -d q=1 http://h/s?a=b"));
        QCOMPARE(imported.request.url.query(), QStringLiteral("a=b&q=1"));
        QVERIFY(imported.request.body.isEmpty());
        imported = importCurl(QStringLiteral("curl $'http://h/' --data-binary $'a\\nb'"));
        QCOMPARE(imported.request.body, QByteArray("a\nb"));
    }
    void copyAsCurlKeyPlaceholder()
    {
        const CurlImport imported = importCurl(QStringLiteral(
            "curl http://h/ -H 'x-vwo-auth: '\"${VWO_AUTH?set VWO_AUTH}\" --data-raw x"));
        QVERIFY(imported.error.isEmpty());
        QCOMPARE(imported.request.headers.value(0).second, QByteArray());
        QCOMPARE(imported.notes.size(), 1);
    }
    void refusals_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error");
        QTest::newRow("not curl") << "wget http://h/"
                                  << "not a curl command";
        QTest::newRow("quote") << "curl 'http://h/"
                               << "single quote";
        QTest::newRow("file") << "curl -d @body.json http://h/"
                              << "reads a file";
        QTest::newRow("pipe") << "printf x | curl http://h/"
                              << "pipes";
        QTest::newRow("pipe after") << "curl http://h/ | jq"
                                    << "pipes";
        QTest::newRow("no url") << "curl -X POST"
                                << "no URL";
        QTest::newRow("no value") << "curl http://h/ -H"
                                  << "-H needs a value";
        QTest::newRow("two urls") << "curl http://a/ http://b/"
                                  << "more than one URL";
    }
    void refusals()
    {
        QFETCH(QString, line);
        QFETCH(QString, error);
        const CurlImport imported = importCurl(line);
        QVERIFY2(imported.error.contains(error), qPrintable(imported.error));
    }
};

QTEST_GUILESS_MAIN(tst_CurlImport)
#include "tst_curlimport.moc"
