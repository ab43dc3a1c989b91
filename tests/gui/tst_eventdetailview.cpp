#include "eventdetailbodyview.h"
#include "eventdetailhexdump.h"
#include "eventdetailview.h"
#include "eventlogdisplay.h"
#include "inlinemessage.h"
#include "jsonhighlighter.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace hookbench;

namespace {

const QByteArray Secret = QByteArrayLiteral("s3cr3t-key-0123456789");

Event validEvent()
{
    Event event;
    event.id = 7;
    event.endpoint = QStringLiteral("default");
    event.receivedAt = QDateTime(QDate(2024, 5, 3), QTime(12, 30, 15, 123), Qt::UTC);
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.query = "source=vwo&note=a%20b%26c&empty=";
    event.headers = {
        {"Host", "127.0.0.1:4000"}, {"Content-Type", "application/json"}, {"x-vwo-auth", Secret}};
    event.body = R"({"event":"campaign_activated","timestamp":1714739415,)"
                 R"("meta":{"ids":[1,2],"ok":true,"none":null}})";
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.remotePort = 51234;
    event.size = 312;
    event.status = 200;
    event.handlingMicros = 420;
    event.auth = AuthOutcome::Ok;
    event.keyId = QStringLiteral("a1b2c3d4e5f6");
    event.valid = true;
    return event;
}

template<typename T>
T *child(const QWidget &parent, const char *name)
{
    T *widget = parent.findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no child named %s", name);
    return widget;
}

QString label(const QWidget &view, const char *name)
{
    return child<QLabel>(view, name)->text();
}

QStringList tabTitles(const QTabWidget *tabs)
{
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles.append(tabs->tabText(i).remove(QLatin1Char('&')));
    return titles;
}

} // namespace

class TestEventDetailView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyState();
    void validEventOverview();
    void headersMaskSecretUntilRevealed();
    void queryDecoded();
    void invalidJsonEvent();
    void binaryBody();
    void jsonBody();
    void copyAsCurl();
    void copyBody();
    void refusalSentences();
    void authNotRequiredWording();
    void hexDumpFormat();
    void deliveryPosition();
};

void TestEventDetailView::emptyState()
{
    EventDetailView view;
    QVERIFY(!view.hasEvent());
    const auto *stack = view.findChild<QStackedWidget *>();
    QVERIFY(stack);
    QStringList texts;
    for (const QLabel *l : stack->currentWidget()->findChildren<QLabel *>())
        texts.append(l->text());
    QVERIFY2(
        texts.join(QLatin1Char(' ')).contains(QLatin1String("Select a request to see its details")),
        qPrintable(texts.join(QLatin1Char('|'))));
    QVERIFY(!child<QPushButton>(view, "copyCurl")->isEnabled());

    view.setEvent(validEvent());
    QVERIFY(view.hasEvent());
    view.clear();
    QVERIFY(!view.hasEvent());
    QVERIFY(!child<QPushButton>(view, "copyBody")->isEnabled());
}

void TestEventDetailView::validEventOverview()
{
    EventDetailView view;
    view.setEvent(validEvent());
    const QString outcome = child<InlineMessage>(view, "outcome")->text();
    QCOMPARE(outcome, QStringLiteral("Accepted (200): authenticated with key a1b2c3d4e5f6 and a "
                                     "valid VWO payload"));
    QCOMPARE(label(view, "overviewRequest"),
             QStringLiteral("POST /vwo-webhook?source=vwo&note=a%20b%26c&empty="));
    QCOMPARE(label(view, "overviewStatus"), QStringLiteral("200 OK"));
    QCOMPARE(label(view, "overviewRemote"), QStringLiteral("127.0.0.1:51234"));
    QCOMPARE(label(view, "overviewEndpoint"), QStringLiteral("default"));
    QVERIFY(label(view, "overviewSize").startsWith(QLatin1String("312 bytes")));
    QCOMPARE(label(view, "overviewHandling"), QStringLiteral("420 µs"));
    QCOMPARE(label(view, "overviewAuth"), QStringLiteral("Matched key a1b2c3d4e5f6"));
    const QString local =
        validEvent().receivedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    QVERIFY2(label(view, "overviewReceived").startsWith(local),
             qPrintable(label(view, "overviewReceived")));
    // No secret anywhere in the overview.
    for (const QLabel *l : view.findChildren<QLabel *>())
        QVERIFY(!l->text().contains(QString::fromLatin1(Secret)));
}

void TestEventDetailView::headersMaskSecretUntilRevealed()
{
    EventDetailView view;
    view.setEvent(validEvent());
    const auto *table = child<QTableWidget>(view, "headersTable");
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Host"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("application/json"));
    QCOMPARE(table->item(2, 0)->text(), QStringLiteral("x-vwo-auth"));
    QCOMPARE(table->item(2, 1)->text(), QStringLiteral("••••••••"));

    auto *reveal = child<QPushButton>(view, "revealSecrets");
    QVERIFY(reveal->isEnabled());
    reveal->click();
    QVERIFY(view.secretsRevealed());
    QCOMPARE(table->item(2, 1)->text(), QString::fromLatin1(Secret));

    // A new selection hides the secret again.
    view.setEvent(validEvent());
    QVERIFY(!view.secretsRevealed());
    QVERIFY(!reveal->isChecked());
    QCOMPARE(table->item(2, 1)->text(), EventDetailView::maskedValue());

    // Nothing to reveal without the header.
    Event plain = validEvent();
    plain.headers.removeLast();
    view.setEvent(plain);
    QVERIFY(!reveal->isEnabled());
}

void TestEventDetailView::queryDecoded()
{
    EventDetailView view;
    view.setEvent(validEvent());
    const auto *table = child<QTableWidget>(view, "queryTable");
    QCOMPARE(table->rowCount(), 3);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("source"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("vwo"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("a b&c"));
    QCOMPARE(table->item(2, 1)->text(), QString());

    Event noQuery = validEvent();
    noQuery.query.clear();
    view.setEvent(noQuery);
    const auto *empty = child<QLabel>(view, "queryEmpty");
    QCOMPARE(empty->text(), QStringLiteral("No query parameters"));
    QCOMPARE(qobject_cast<QStackedWidget *>(empty->parentWidget())->currentWidget(), empty);
}

void TestEventDetailView::invalidJsonEvent()
{
    Event event = validEvent();
    event.body = R"({"event": "x", "timestamp": })";
    event.status = 400;
    event.valid = false;
    event.error = QStringLiteral("malformed JSON at line 1, column 29: illegal value");
    EventDetailView view;
    view.setEvent(event);
    QCOMPARE(child<InlineMessage>(view, "outcome")->text(),
             QStringLiteral("Rejected (400): malformed JSON at line 1, column 29: illegal value"));
    QCOMPARE(child<InlineMessage>(view, "outcome")->type(), InlineMessage::Error);
    QVERIFY(label(view, "overviewPayload").contains(QLatin1String("line 1, column 29")));

    const auto *body = view.findChild<EventDetailBodyView *>();
    QCOMPARE(body->kind(), EventDetailBodyView::Kind::Text);
    QCOMPARE(child<QPlainTextEdit>(view, "bodyText")->toPlainText(), QString::fromUtf8(event.body));
    QCOMPARE(tabTitles(child<QTabWidget>(view, "bodyTabs")),
             (QStringList{QStringLiteral("Text"), QStringLiteral("Hex")}));
}

void TestEventDetailView::binaryBody()
{
    Event event = validEvent();
    event.body = QByteArray("\x00\x01\xff"
                            "AB",
                            5);
    event.status = 400;
    event.valid = false;
    event.error = QStringLiteral("malformed JSON at line 1, column 1: illegal value");
    EventDetailView view;
    view.setEvent(event);
    const auto *body = view.findChild<EventDetailBodyView *>();
    QCOMPARE(body->kind(), EventDetailBodyView::Kind::Binary);
    QCOMPARE(tabTitles(child<QTabWidget>(view, "bodyTabs")), QStringList{QStringLiteral("Hex")});
    const QString hex = child<QPlainTextEdit>(view, "bodyHex")->toPlainText();
    QVERIFY2(hex.startsWith(QLatin1String("00000000  00 01 ff 41 42 ")), qPrintable(hex));
    QVERIFY2(hex.endsWith(QLatin1String("|...AB|")), qPrintable(hex));

    event.body.clear();
    view.setEvent(event);
    QCOMPARE(body->kind(), EventDetailBodyView::Kind::Empty);
    QCOMPARE(child<QLabel>(view, "bodyEmpty")->text(), QStringLiteral("No body"));
}

void TestEventDetailView::jsonBody()
{
    EventDetailView view;
    view.setEvent(validEvent());
    const auto *body = view.findChild<EventDetailBodyView *>();
    QCOMPARE(body->kind(), EventDetailBodyView::Kind::Json);
    QCOMPARE(tabTitles(child<QTabWidget>(view, "bodyTabs")),
             (QStringList{QStringLiteral("Pretty"), QStringLiteral("Tree")}));

    const auto *pretty = child<QPlainTextEdit>(view, "bodyPretty");
    const QStringList lines = pretty->toPlainText().split(QLatin1Char('\n'));
    QCOMPARE(lines.value(0), QStringLiteral("{"));
    // Sent order, not QJsonObject's sorted order.
    QCOMPARE(lines.value(1), QStringLiteral("  \"event\": \"campaign_activated\","));
    QCOMPARE(lines.value(2), QStringLiteral("  \"timestamp\": 1714739415,"));
    QVERIFY(pretty->toPlainText().contains(QLatin1String("\n    \"ids\": [\n      1,")));
    QVERIFY(pretty->document()->findChild<JsonHighlighter *>());

    const auto *tree = child<QTreeWidget>(view, "bodyTree");
    QStringList keys;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        keys.append(tree->topLevelItem(i)->text(0));
    QCOMPARE(keys, (QStringList{QStringLiteral("event"), QStringLiteral("timestamp"),
                                QStringLiteral("meta")}));
    const QTreeWidgetItem *meta = tree->topLevelItem(2);
    QCOMPARE(meta->text(2), QStringLiteral("object"));
    QVERIFY(meta->isExpanded());
    QCOMPARE(meta->child(0)->text(0), QStringLiteral("ids"));
    QCOMPARE(meta->child(0)->child(1)->text(1), QStringLiteral("2"));
    QCOMPARE(meta->child(1)->text(2), QStringLiteral("boolean"));
    QCOMPARE(meta->child(2)->text(2), QStringLiteral("null"));
}

void TestEventDetailView::copyAsCurl()
{
    EventDetailView view;
    QSignalSpy copied(&view, &EventDetailView::copied);
    view.setReceiverBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:4000")));
    view.setEvent(validEvent());
    child<QPushButton>(view, "copyCurl")->click();
    QString clip = QGuiApplication::clipboard()->text();
    QVERIFY2(clip.startsWith(QLatin1String("curl ")), qPrintable(clip));
    QVERIFY(clip.contains(QLatin1String("http://127.0.0.1:4000/vwo-webhook?source=vwo")));
    QVERIFY(clip.contains(QLatin1String("VWO_AUTH")));
    QVERIFY(!clip.contains(QString::fromLatin1(Secret)));
    QCOMPARE(copied.count(), 1);

    child<QPushButton>(view, "revealSecrets")->click();
    child<QPushButton>(view, "copyCurl")->click();
    clip = QGuiApplication::clipboard()->text();
    QVERIFY(clip.contains(QString::fromLatin1(Secret)));
    QCOMPARE(copied.count(), 2);
}

void TestEventDetailView::copyBody()
{
    EventDetailView view;
    QSignalSpy copied(&view, &EventDetailView::copied);
    view.setEvent(validEvent());
    child<QPushButton>(view, "copyBody")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromUtf8(validEvent().body));
    QCOMPARE(
        QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("application/octet-stream")),
        validEvent().body);
    QCOMPARE(copied.count(), 1);
}

void TestEventDetailView::refusalSentences()
{
    EventDetailView view;
    const auto outcome = [&](const Event &event) {
        view.setEvent(event);
        return child<InlineMessage>(view, "outcome")->text();
    };
    Event event = validEvent();
    event.status = 401;
    event.auth = AuthOutcome::Failed;
    event.keyId.clear();
    QCOMPARE(outcome(event),
             QStringLiteral("Refused (401): x-vwo-auth did not match any configured key"));
    event.auth = AuthOutcome::Missing;
    QCOMPARE(outcome(event), QStringLiteral("Refused (401): the x-vwo-auth header is missing"));
    event.auth = AuthOutcome::NotRequired;
    event.status = 404;
    event.path = "/x";
    QCOMPARE(outcome(event), QStringLiteral("Not found (404): no endpoint at /x"));
    event.status = 413;
    event.error = QStringLiteral("body of 5 bytes exceeds the limit of 4 bytes");
    QCOMPARE(outcome(event),
             QStringLiteral("Too large (413): body of 5 bytes exceeds the limit of 4 bytes"));
    event.status = 503;
    event.error.clear();
    QVERIFY(outcome(event).startsWith(QLatin1String("Answered 503 by the response override")));
}

void TestEventDetailView::authNotRequiredWording()
{
    // The table and the detail pane name the outcome alike; only the pane explains it.
    Event event = validEvent();
    event.auth = AuthOutcome::NotRequired;
    event.keyId.clear();
    const QString table = EventLogDisplay::display(event, EventLogDisplay::AuthColumn).toString();
    QCOMPARE(table, QStringLiteral("Not required"));
    QCOMPARE(EventLogDisplay::toolTip(event, EventLogDisplay::AuthColumn).toString(),
             QStringLiteral("No keys configured, so x-vwo-auth was not checked"));
    EventDetailView view;
    view.setEvent(event);
    QCOMPARE(label(view, "overviewAuth"),
             table + QStringLiteral(" \u2014 no keys configured, so x-vwo-auth was not checked"));
    QCOMPARE(child<InlineMessage>(view, "outcome")->text(),
             QStringLiteral("Accepted (200): a valid VWO payload; no key is required here"));
}

void TestEventDetailView::hexDumpFormat()
{
    QByteArray data;
    for (int i = 0; i < 20; ++i)
        data.append(char(0x30 + i));
    const QStringList lines = hexDump(data).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 3a 3b 3c 3d "
                                         "3e 3f  |0123456789:;<=>?|"));
    QVERIFY(lines.at(1).startsWith(QLatin1String("00000010  40 41 42 43 ")));
    QVERIFY(lines.at(1).endsWith(QLatin1String("|@ABC|")));
    QCOMPARE(hexDump(data, 4).count(QLatin1Char('\n')), 0);
    QVERIFY(!isDisplayableText(QByteArray("a\0b", 3)));
    QVERIFY(!isDisplayableText(QByteArray("\xc3\x28")));
    QVERIFY(isDisplayableText(QByteArray("grüße\n\tok")));
}

void TestEventDetailView::deliveryPosition()
{
    EventDetailView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *delivery = child<QLabel>(view, "overviewDelivery");
    view.setEvent(validEvent());
    QVERIFY(!delivery->isVisible()); // a lone request has nothing to say here
    view.setDeliveryPosition(2, 3);
    QTRY_VERIFY(delivery->isVisible());
    QCOMPARE(delivery->text(),
             QStringLiteral("Attempt 2 of 3: VWO sent this webhook again after it"));
    view.setDeliveryPosition(3, 3); // validEvent() was answered 200
    QCOMPARE(delivery->text(), QStringLiteral("Attempt 3 of 3, the one that was accepted"));
    Event refused = validEvent();
    refused.status = 500;
    view.setEvent(refused);
    QVERIFY(!delivery->isVisible()); // a new event starts without a position
    view.setDeliveryPosition(4, 4);
    QVERIFY(delivery->text().startsWith(QLatin1String("Attempt 4 of 4, the latest")));
}

QTEST_MAIN(TestEventDetailView)
#include "tst_eventdetailview.moc"
