#include "harexport.h"

#include "receiver/httpstatus.h"
#include "requesturl.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace hookbench {

namespace {
const QString Redacted = QStringLiteral("[redacted]");

bool isSecretHeader(const QByteArray &name)
{
    return name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
}

// Lossless decode when the bytes are UTF-8; nullopt-like (ok=false) otherwise.
QString decodeUtf8(const QByteArray &bytes, bool *ok)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    *ok = !decoder.hasError();
    return text;
}

// Header values: UTF-8 when valid, else Latin-1 (one byte, one character; lossless).
QString headerText(const QByteArray &bytes)
{
    bool ok = false;
    const QString text = decodeUtf8(bytes, &ok);
    return ok ? text : QString::fromLatin1(bytes);
}

QJsonObject nameValue(const QString &name, const QString &value)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}};
}

QJsonArray queryParams(const QByteArray &query)
{
    QJsonArray params;
    const QList<QByteArray> pairs = query.split('&');
    for (QByteArray pair : pairs) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        params.append(nameValue(headerText(QByteArray::fromPercentEncoding(name)),
                                headerText(QByteArray::fromPercentEncoding(value))));
    }
    return params;
}

// The app's answer to a forwarded webhook (issue 8), shaped like a HAR response.
QJsonObject forwardObject(const Event &event)
{
    const ForwardResult &forward = event.forward;
    const bool done = event.forwardState == ForwardState::Done;
    QJsonObject object{
        {QStringLiteral("url"), forward.url},
        {QStringLiteral("follow"), forward.followed},
        {QStringLiteral("state"), done ? QStringLiteral("done") : QStringLiteral("pending")}};
    if (!done)
        return object;
    QJsonArray headers;
    QByteArray contentType;
    for (const auto &header : forward.headers) {
        headers.append(nameValue(QString::fromLatin1(header.first), headerText(header.second)));
        if (header.first.compare("content-type", Qt::CaseInsensitive) == 0)
            contentType = header.second;
    }
    QJsonObject content{{QStringLiteral("size"), qint64(forward.body.size())},
                        {QStringLiteral("mimeType"), headerText(contentType)}};
    bool utf8 = false;
    const QString text = decodeUtf8(forward.body, &utf8);
    if (utf8) {
        content.insert(QStringLiteral("text"), text);
    } else {
        content.insert(QStringLiteral("text"), QString::fromLatin1(forward.body.toBase64()));
        content.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    }
    if (forward.bodyTruncated)
        content.insert(QStringLiteral("truncated"), true);
    object.insert(QStringLiteral("status"), forward.status);
    object.insert(QStringLiteral("statusText"), QString::fromLatin1(reasonPhrase(forward.status)));
    object.insert(QStringLiteral("time"), forward.elapsedMs);
    if (!forward.error.isEmpty())
        object.insert(QStringLiteral("error"), forward.error);
    object.insert(QStringLiteral("headers"), headers);
    object.insert(QStringLiteral("content"), content);
    return object;
}

QString isoTimestamp(const QDateTime &when)
{
    // Stored events always have a time; a hand-made one still gets a valid field.
    const QDateTime valid = when.isValid() ? when : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    return valid.toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

HarWriter::HarWriter(const HarOptions &options)
    : m_options(options)
{}

QByteArray HarWriter::begin() const
{
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("Hookbench")},
                              {QStringLiteral("version"), QStringLiteral(HOOKBENCH_VERSION)}};
    return QByteArrayLiteral("{\"log\":{\"version\":\"1.2\",\"creator\":") +
           QJsonDocument(creator).toJson(QJsonDocument::Compact) +
           QByteArrayLiteral(",\"pages\":[],\"entries\":[");
}

QByteArray HarWriter::entry(const Event &event)
{
    QByteArray out = m_first ? QByteArrayLiteral("\n") : QByteArrayLiteral(",\n");
    m_first = false;
    out += QJsonDocument(entryObject(event)).toJson(QJsonDocument::Compact);
    return out;
}

QByteArray HarWriter::end() const
{
    return QByteArrayLiteral("\n]}}\n");
}

QJsonObject HarWriter::entryObject(const Event &event) const
{
    QJsonArray headers;
    for (const auto &header : event.headers) {
        const bool masked = !m_options.revealSecrets && isSecretHeader(header.first);
        headers.append(nameValue(QString::fromLatin1(header.first),
                                 masked ? Redacted : headerText(header.second)));
    }

    QJsonObject request{
        {QStringLiteral("method"), QString::fromLatin1(event.method)},
        {QStringLiteral("url"), exportUrl(event, m_options.baseUrl)},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), headers},
        {QStringLiteral("queryString"), queryParams(event.query)},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), qint64(event.body.size())},
    };
    const QByteArray contentType = event.headerValue("content-type");
    if (!event.body.isEmpty()) {
        QJsonObject postData{{QStringLiteral("mimeType"), headerText(contentType)},
                             {QStringLiteral("params"), QJsonArray()}};
        bool utf8 = false;
        const QString text = decodeUtf8(event.body, &utf8);
        if (utf8) {
            postData.insert(QStringLiteral("text"), text);
        } else {
            postData.insert(QStringLiteral("text"), QString::fromLatin1(event.body.toBase64()));
            postData.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
        }
        request.insert(QStringLiteral("postData"), postData);
    }

    const QJsonObject response{
        {QStringLiteral("status"), event.status},
        {QStringLiteral("statusText"), QString::fromLatin1(reasonPhrase(event.status))},
        {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
        {QStringLiteral("cookies"), QJsonArray()},
        {QStringLiteral("headers"), QJsonArray()},
        {QStringLiteral("content"),
         QJsonObject{{QStringLiteral("size"), 0}, {QStringLiteral("mimeType"), QString()}}},
        {QStringLiteral("redirectURL"), QString()},
        {QStringLiteral("headersSize"), -1},
        {QStringLiteral("bodySize"), -1},
        {QStringLiteral("comment"),
         QStringLiteral("Hookbench records the status of its answer, not its headers or body.")},
    };

    const double millis = double(event.handlingMicros) / 1000.0;
    QJsonObject custom{
        {QStringLiteral("id"), event.id},
        {QStringLiteral("endpoint"), event.endpoint},
        {QStringLiteral("auth"), authOutcomeName(event.auth)},
        {QStringLiteral("valid"), event.valid},
        {QStringLiteral("error"), event.error},
        {QStringLiteral("keyId"), event.keyId},
        {QStringLiteral("remoteAddress"), event.remoteAddress},
        {QStringLiteral("remotePort"), int(event.remotePort)},
    };
    if (event.forwardState != ForwardState::None)
        custom.insert(QStringLiteral("forward"), forwardObject(event));
    return {
        {QStringLiteral("startedDateTime"), isoTimestamp(event.receivedAt)},
        {QStringLiteral("time"), millis},
        {QStringLiteral("request"), request},
        {QStringLiteral("response"), response},
        {QStringLiteral("cache"), QJsonObject()},
        {QStringLiteral("timings"), QJsonObject{{QStringLiteral("send"), 0},
                                                {QStringLiteral("wait"), millis},
                                                {QStringLiteral("receive"), 0}}},
        {QStringLiteral("_hookbench"), custom},
    };
}

QByteArray toHar(const QList<Event> &events, const HarOptions &options)
{
    HarWriter writer(options);
    QByteArray out = writer.begin();
    for (const Event &event : events)
        out += writer.entry(event);
    return out + writer.end();
}

} // namespace hookbench
