#include "receiver/requesthead.h"

#include <QTest>

using namespace hookbench;

class TestRequestHead : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesFraming_data();
    void parsesFraming();
    void refusesMalformed_data();
    void refusesMalformed();
    void incompleteAndTooLarge();
    void chunkedScanner_data();
    void chunkedScanner();
    void chunkedScannerByteByByte();
};

void TestRequestHead::parsesFraming_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<qint64>("contentLength");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<bool>("expectContinue");
    QTest::addColumn<bool>("keepAlive");

    QTest::addRow("post with length") << QByteArray("POST /vwo-webhook HTTP/1.1\r\nHost: x\r\n"
                                                    "Content-Length: 12\r\n\r\n")
                                      << qint64(12) << false << false << true;
    QTest::addRow("get no body") << QByteArray("GET /a?b=c HTTP/1.1\r\n\r\n") << qint64(0) << false
                                 << false << true;
    QTest::addRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << qint64(0) << true << false << true;
    QTest::addRow("expect") << QByteArray("POST / HTTP/1.1\r\nExpect: 100-Continue\r\n"
                                          "Content-Length: 5\r\n\r\n")
                            << qint64(5) << false << true << true;
    QTest::addRow("close") << QByteArray("POST / HTTP/1.1\r\nConnection: close\r\n\r\n")
                           << qint64(0) << false << false << false;
    QTest::addRow("http/1.0 default close")
        << QByteArray("GET / HTTP/1.0\r\n\r\n") << qint64(0) << false << false << false;
    QTest::addRow("http/1.0 keep-alive")
        << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << qint64(0) << false
        << false << true;
    QTest::addRow("leading empty line")
        << QByteArray("\r\nGET / HTTP/1.1\r\n\r\n") << qint64(0) << false << false << true;
    QTest::addRow("repeated equal lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\n")
        << qint64(3) << false << false << true;
}

void TestRequestHead::parsesFraming()
{
    QFETCH(QByteArray, raw);
    const HeadParseResult result = parseRequestHead(QByteArray(raw + "BODY"), 16384);
    QCOMPARE(result.state, HeadParseResult::Complete);
    QCOMPARE(result.head.headBytes, raw.size());
    QFETCH(qint64, contentLength);
    QFETCH(bool, chunked);
    QFETCH(bool, expectContinue);
    QFETCH(bool, keepAlive);
    QCOMPARE(result.head.contentLength, contentLength);
    QCOMPARE(result.head.chunked, chunked);
    QCOMPARE(result.head.expectContinue, expectContinue);
    QCOMPARE(result.head.keepAlive, keepAlive);
}

void TestRequestHead::refusesMalformed_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("expected");

    QTest::addRow("garbage") << QByteArray("hello\r\n\r\n") << QStringLiteral("request line");
    QTest::addRow("bad version") << QByteArray("GET / HTTP/2.0\r\n\r\n")
                                 << QStringLiteral("unsupported HTTP version 'HTTP/2.0'");
    QTest::addRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n")
                                << QStringLiteral("invalid method");
    QTest::addRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n")
                              << QStringLiteral("header line 1: expected 'Name: value'");
    QTest::addRow("folded") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n")
                            << QStringLiteral("header line 2: folded");
    QTest::addRow("bare LF") << QByteArray("GET / HTTP/1.1\r\nA: b\n\r\n\r\n")
                             << QStringLiteral("header line 1: line must end with CRLF");
    QTest::addRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                << QStringLiteral("invalid Content-Length");
    QTest::addRow("conflicting lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")
        << QStringLiteral("header line 2: conflicting Content-Length");
    QTest::addRow("smuggling") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\n"
                                             "Transfer-Encoding: chunked\r\n\r\n")
                               << QStringLiteral("both Transfer-Encoding and Content-Length");
    QTest::addRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n")
                                 << QStringLiteral("unsupported Transfer-Encoding 'gzip'");
    QTest::addRow("control in target")
        << QByteArray("GET /\x01 HTTP/1.1\r\n\r\n") << QStringLiteral("invalid request target");
}

void TestRequestHead::refusesMalformed()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, expected);
    const HeadParseResult result = parseRequestHead(raw, 16384);
    QCOMPARE(result.state, HeadParseResult::Malformed);
    QVERIFY2(result.error.contains(expected), qPrintable(result.error));
}

void TestRequestHead::incompleteAndTooLarge()
{
    QCOMPARE(parseRequestHead("POST / HTTP/1.1\r\nHost: a\r\n", 16384).state,
             HeadParseResult::Incomplete);
    QCOMPARE(parseRequestHead("", 16384).state, HeadParseResult::Incomplete);
    const QByteArray big = "GET / HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a');
    const HeadParseResult partial = parseRequestHead(big, 16384);
    QCOMPARE(partial.state, HeadParseResult::TooLarge);
    QVERIFY(partial.error.contains(QStringLiteral("16384")));
    QCOMPARE(parseRequestHead(QByteArray(big + "\r\n\r\n"), 16384).state,
             HeadParseResult::TooLarge);
    // Exactly at the limit is fine.
    QByteArray exact = "GET / HTTP/1.1\r\nX: ";
    exact += QByteArray(100 - exact.size() - 4, 'b') + "\r\n\r\n";
    QCOMPARE(exact.size(), 100);
    QCOMPARE(parseRequestHead(exact, 100).state, HeadParseResult::Complete);
    QCOMPARE(parseRequestHead(exact, 99).state, HeadParseResult::TooLarge);
}

void TestRequestHead::chunkedScanner_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("result");
    QTest::addColumn<qint64>("bodyBytes");

    QTest::addRow("two chunks") << QByteArray("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\nNEXT")
                                << int(ChunkedScanner::Done) << qint64(11);
    QTest::addRow("extension and trailer") << QByteArray("3;x=y\r\nabc\r\n0\r\nX-T: 1\r\n\r\n")
                                           << int(ChunkedScanner::Done) << qint64(3);
    QTest::addRow("upper hex") << QByteArray("A\r\n0123456789\r\n0\r\n\r\n")
                               << int(ChunkedScanner::Done) << qint64(10);
    QTest::addRow("incomplete") << QByteArray("5\r\nhel") << int(ChunkedScanner::NeedMore)
                                << qint64(5);
    QTest::addRow("bad size") << QByteArray("zz\r\n") << int(ChunkedScanner::Error) << qint64(0);
    QTest::addRow("missing crlf") << QByteArray("1\r\naXX\r\n") << int(ChunkedScanner::Error)
                                  << qint64(1);
    QTest::addRow("huge size") << QByteArray("ffffffffffffffffff\r\n") << int(ChunkedScanner::Error)
                               << qint64(0);
}

void TestRequestHead::chunkedScanner()
{
    QFETCH(QByteArray, body);
    QFETCH(int, result);
    QFETCH(qint64, bodyBytes);
    ChunkedScanner scanner;
    QCOMPARE(int(scanner.scan(body)), result);
    QCOMPARE(scanner.bodyBytes(), bodyBytes);
    if (result == ChunkedScanner::Done)
        QCOMPARE(body.mid(scanner.consumed()),
                 body.endsWith("NEXT") ? QByteArray("NEXT") : QByteArray());
    if (result == ChunkedScanner::Error)
        QVERIFY(scanner.error().startsWith(QStringLiteral("chunked body: ")));
}

void TestRequestHead::chunkedScannerByteByByte()
{
    const QByteArray body("4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n");
    ChunkedScanner scanner;
    for (qsizetype i = 0; i < body.size() - 1; ++i)
        QCOMPARE(scanner.scan(body.mid(i, 1)), ChunkedScanner::NeedMore);
    QCOMPARE(scanner.scan(body.right(1)), ChunkedScanner::Done);
    QCOMPARE(scanner.consumed(), body.size());
    QCOMPARE(scanner.bodyBytes(), 9);
}

QTEST_GUILESS_MAIN(TestRequestHead)
#include "tst_requesthead.moc"
