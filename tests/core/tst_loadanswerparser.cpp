#include "sender/loadanswerparser.h"

#include <QTest>

using namespace hookbench;

// How an answer ends: as LoadAnswerParser::Result, plus "complete once the server closes".
enum class Parsed { NeedMore, Complete, Invalid, EndsWithClose };
Q_DECLARE_METATYPE(Parsed)

class TestLoadAnswerParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parser_data();
    void parser();
};

void TestLoadAnswerParser::parser_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<bool>("bodyless");
    QTest::addColumn<Parsed>("parsed");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("keepAlive");
    const auto row = [](const char *name, QByteArray answer, Parsed parsed, int status = 0,
                        bool keepAlive = true, bool bodyless = false) {
        QTest::addRow("%s", name) << answer << bodyless << parsed << status << keepAlive;
    };
    using P = Parsed;
    row("length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", P::Complete, 200);
    row("length 0", "HTTP/1.1 202 Accepted\r\ncontent-length:0\r\n\r\n", P::Complete, 202);
    row("no reason, LF only", "HTTP/1.1 200\nContent-Length: 2\n\nok", P::Complete, 200);
    row("chunked",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n3;a=b\r\nabc\r\n"
        "A\r\n0123456789\r\n0\r\nX-Sum: 1\r\n\r\n",
        P::Complete, 200);
    row("chunked wins over length",
        "HTTP/1.1 200 OK\r\nContent-Length: 99\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        P::Complete, 200);
    row("Connection: close", "HTTP/1.1 500 Oops\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n",
        P::Complete, 500, false);
    row("HTTP/1.0", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", P::Complete, 200, false);
    row("HTTP/1.0 keep-alive",
        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n", P::Complete, 200,
        true);
    row("interim 100", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", P::Complete,
        204);
    row("304", "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", P::Complete, 304);
    row("HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", P::Complete, 200, true, true);
    row("until close", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome text",
        P::EndsWithClose, 200, false);
    row("incomplete", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", P::NeedMore, 200);
    row("HTTP/2", "HTTP/2 200 OK\r\n\r\n", P::Invalid);
    row("not HTTP", "SSH-2.0-OpenSSH_9.2\r\n\r\n", P::Invalid);
    row("negative length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", P::Invalid, 200);
    row("two lengths", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        P::Invalid, 200);
    row("bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", P::Invalid,
        200);
    row("chunk too long", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n",
        P::Invalid, 200);
}

void TestLoadAnswerParser::parser()
{
    QFETCH(QByteArray, answer);
    QFETCH(bool, bodyless);
    QFETCH(Parsed, parsed);
    QFETCH(int, status);
    QFETCH(bool, keepAlive);
    const auto expected = parsed == Parsed::EndsWithClose ? Parsed::NeedMore : parsed;
    // Whole, with the next answer's first bytes behind a complete one: only its own are used.
    LoadAnswerParser whole;
    whole.reset(bodyless);
    const QByteArray input = parsed == Parsed::Complete ? answer + "HTTP/1.1 2" : answer;
    qsizetype used = -1;
    const auto result = Parsed(int(whole.feed(input.constData(), input.size(), &used)));
    QCOMPARE(result, expected);
    if (result == Parsed::Complete)
        QCOMPARE(used, answer.size());
    // A byte at a time: the same outcome on the last byte, not before.
    LoadAnswerParser bytewise;
    bytewise.reset(bodyless);
    Parsed last = Parsed::NeedMore;
    for (qsizetype i = 0; i < answer.size() && last == Parsed::NeedMore; ++i) {
        last = Parsed(int(bytewise.feed(answer.constData() + i, 1, &used)));
        if (last != Parsed::NeedMore && parsed == Parsed::Complete)
            QCOMPARE(i, answer.size() - 1);
    }
    QCOMPARE(last, expected);
    QCOMPARE(bytewise.finishAtClose(), parsed == Parsed::EndsWithClose);
    if (parsed != Parsed::Invalid || status != 0)
        QCOMPARE(bytewise.status(), status);
    if (parsed == Parsed::Complete || parsed == Parsed::EndsWithClose)
        QCOMPARE(bytewise.keepAlive(), keepAlive);
    QVERIFY(bytewise.hasStarted());
}

QTEST_GUILESS_MAIN(TestLoadAnswerParser)
#include "tst_loadanswerparser.moc"
