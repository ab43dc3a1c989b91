#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHttpServer>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QUrlQuery>

// A stand-in for VWO's settings-file host, for core, CLI and GUI tests: a QHttpServer on
// 127.0.0.1 (ephemeral port) answering GET /server-side/settings and /server-side/pull.
// Like VWO it answers 403 when a= or i= does not match its credentials (that check comes first
// and consumes no behaviour). Otherwise each request takes the next queued behaviour, or the
// default one (serve ab-campaign-two-variations.json) when the queue is empty. Every request
// is recorded. Answers are written as raw HTTP/1.1 so any status and header can be scripted.
// Needs QtCore, QtNetwork and QtHttpServer only; fixtures come from
// HOOKBENCH_FIXTURES_DIR/vwo-settings unless setFixturesDir() says otherwise.
class SettingsServer : public QObject
{
    Q_OBJECT
public:
    static constexpr char DefaultAccountId[] = "888888"; // the default fixture's account
    static constexpr char DefaultSdkKey[] = "hbtest-sdk-key-7c41f09a2d";
    static constexpr char DefaultFixture[] = "ab-campaign-two-variations.json";

    struct Behaviour
    {
        enum class Kind { Fixture, Answer, TruncatedJson, SchemaInvalidJson, Close };
        Kind kind = Kind::Fixture;
        QString fixture = QLatin1String(DefaultFixture); // Fixture, TruncatedJson
        int status = 200;                                // all but Close
        QByteArray body;                                 // Answer
        QByteArray contentType = "application/json";     // empty: no Content-Type header
        QList<QPair<QByteArray, QByteArray>> headers;    // added to the answer
        int delayMs = 0;                                 // wait before answering (or closing)
        bool closeDelimited = false; // no Content-Length: the body ends when the server closes

        // The fixture file as it is, application/json.
        static Behaviour serveFixture(const QString &name = QLatin1String(DefaultFixture));
        static Behaviour answer(int status, const QByteArray &body = {},
                                const QByteArray &contentType = "text/plain");
        // The first half of a fixture: application/json that does not parse.
        static Behaviour truncatedJson(const QString &name = QLatin1String(DefaultFixture));
        // Valid JSON that is no settings file ("campaigns" is a string).
        static Behaviour schemaInvalidJson();
        // Closes the connection without writing a byte. QNetworkAccessManager may resend the
        // request once by itself (same r=), which takes the next behaviour.
        static Behaviour closeWithoutAnswer();

        Behaviour withContentType(const QByteArray &type) const;
        Behaviour withHeader(const QByteArray &name, const QByteArray &value) const;
        Behaviour delayed(int ms) const;
        Behaviour withoutContentLength() const;
    };

    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray rawQuery; // as sent (percent-encoded)
        QUrlQuery query;
        QDateTime receivedAt; // UTC
        qint64 elapsedMs = 0; // since the server was created (monotonic)
        int status = 0;       // the status answered; 0 when the connection was closed

        QString param(const QString &name) const
        {
            return query.queryItemValue(name, QUrl::FullyDecoded);
        }
    };

    explicit SettingsServer(QObject *parent = nullptr);

    bool listen(); // 127.0.0.1 on an ephemeral port; false when that failed
    quint16 port() const { return m_port; }
    QString baseUrl() const; // "http://127.0.0.1:PORT"

    void setCredentials(const QString &accountId, const QString &sdkKey);
    void setFixturesDir(const QString &dir) { m_fixturesDir = dir; }
    QString fixturesDir() const { return m_fixturesDir; }
    QByteArray fixture(const QString &name) const; // empty when missing

    void setDefaultBehaviour(const Behaviour &behaviour) { m_default = behaviour; }
    void enqueue(const Behaviour &behaviour) { m_queue.enqueue(behaviour); }
    void enqueue(const QList<Behaviour> &behaviours);
    int queuedBehaviours() const { return int(m_queue.size()); }

    QList<Request> requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    void clearRequests() { m_requests.clear(); }

    // A loopback port that was bound and closed again: connecting there is refused.
    static quint16 refusingPort();
    static QString defaultFixturesDir();

Q_SIGNALS:
    void requestReceived(int index);

private:
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    QByteArray response(const Behaviour &behaviour, int *status) const;

    QHttpServer m_server;
    QElapsedTimer m_clock;
    QQueue<Behaviour> m_queue;
    Behaviour m_default;
    QList<Request> m_requests;
    QString m_fixturesDir;
    QString m_accountId = QLatin1String(DefaultAccountId);
    QString m_sdkKey = QLatin1String(DefaultSdkKey);
    quint16 m_port = 0;
};
