#include "eventdetailtext.h"

#include <QLocale>

namespace hookbench {

namespace {

const QLatin1String MalformedPrefix("malformed HTTP request: ");

QString reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QStringLiteral("OK");
    case 201:
        return QStringLiteral("Created");
    case 202:
        return QStringLiteral("Accepted");
    case 204:
        return QStringLiteral("No Content");
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 408:
        return QStringLiteral("Request Timeout");
    case 413:
        return QStringLiteral("Content Too Large");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 431:
        return QStringLiteral("Request Header Fields Too Large");
    case 500:
        return QStringLiteral("Internal Server Error");
    case 502:
        return QStringLiteral("Bad Gateway");
    case 503:
        return QStringLiteral("Service Unavailable");
    case 504:
        return QStringLiteral("Gateway Timeout");
    default:
        return {};
    }
}

} // namespace

QString EventDetailText::outcome(const Event &event)
{
    const int status = event.status;
    const QString &error = event.error;
    // The receiver's error strings are technical English (they are also the answer's
    // body and the CLI's output), so they are quoted after a translated lead-in.
    if (status == 401 && event.auth == AuthOutcome::Missing)
        return tr("Refused (401): the x-vwo-auth header is missing");
    if (status == 401 && event.auth == AuthOutcome::Failed)
        return tr("Refused (401): x-vwo-auth did not match any configured key");
    if (status == 404)
        return tr("Not found (404): no endpoint at %1").arg(QString::fromUtf8(event.path));
    if (status == 405) {
        return tr("Method not allowed (405): %1 is not accepted here; webhooks use POST")
            .arg(QString::fromLatin1(event.method));
    }
    if (status == 413 && !error.isEmpty())
        return tr("Too large (413): %1").arg(error);
    if (status == 431 && !error.isEmpty())
        return tr("Headers too large (431): %1").arg(error);
    if (status == 400 && error.startsWith(MalformedPrefix))
        return tr("Malformed HTTP request (400): %1").arg(error.mid(MalformedPrefix.size()));
    if (status == 400 && !error.isEmpty())
        return tr("Rejected (400): %1").arg(error);
    if (event.forwardState != ForwardState::None && event.forward.followed)
        return followedOutcome(event);
    if (isSuccess(event) && event.valid) {
        if (event.auth == AuthOutcome::Ok) {
            return tr("Accepted (%1): authenticated with key %2 and a valid VWO payload")
                .arg(status)
                .arg(event.keyId);
        }
        return tr("Accepted (%1): a valid VWO payload; no key is required here").arg(status);
    }
    // What remains are answers a response override chose.
    if (status == 0)
        return tr("Not answered: the connection ended before an answer was sent");
    if (!error.isEmpty())
        return tr("Answered %1 by the response override; the request was invalid: %2")
            .arg(status)
            .arg(error);
    return tr("Answered %1 by the response override; the request itself was valid").arg(status);
}

QString EventDetailText::requestLine(const Event &event)
{
    QString line =
        QString::fromLatin1(event.method) + QLatin1Char(' ') + QString::fromUtf8(event.path);
    if (!event.query.isEmpty())
        line += QLatin1Char('?') + QString::fromUtf8(event.query);
    return line;
}

QString EventDetailText::receivedAt(const QDateTime &utc)
{
    if (!utc.isValid())
        return tr("Unknown");
    // ISO order with milliseconds: requests often arrive within the same second, and the
    // zone abbreviation says which clock it is.
    const QDateTime local = utc.toLocalTime();
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + QLatin1Char(' ') +
           local.timeZoneAbbreviation();
}

QString EventDetailText::remote(const Event &event)
{
    if (event.remoteAddress.isEmpty())
        return tr("Unknown");
    // IPv6 addresses need brackets before a port.
    const QString address = event.remoteAddress.contains(QLatin1Char(':'))
                                ? QLatin1Char('[') + event.remoteAddress + QLatin1Char(']')
                                : event.remoteAddress;
    return address + QLatin1Char(':') + QString::number(event.remotePort);
}

QString EventDetailText::size(qint64 bytes)
{
    // No %n plural: the app ships no English .qm that would turn "byte(s)" into words.
    const QString exact = bytes == 1 ? tr("1 byte") : tr("%1 bytes").arg(QLocale().toString(bytes));
    if (bytes < 1024)
        return exact;
    return QLocale().formattedDataSize(bytes) + QLatin1String(" (") + exact + QLatin1Char(')');
}

QString EventDetailText::duration(qint64 micros)
{
    if (micros < 1000)
        return tr("%1 µs").arg(micros);
    return tr("%1 ms").arg(
        QLocale().toString(double(micros) / 1000.0, 'f', micros < 100000 ? 2 : 0));
}

QString EventDetailText::status(int status)
{
    if (status == 0)
        return tr("None");
    const QString phrase = reasonPhrase(status);
    return phrase.isEmpty() ? QString::number(status)
                            : QString::number(status) + QLatin1Char(' ') + phrase;
}

QString EventDetailText::auth(const Event &event)
{
    switch (event.auth) {
    case AuthOutcome::Ok:
        return tr("Matched key %1").arg(event.keyId);
    case AuthOutcome::Failed:
        return tr("x-vwo-auth did not match any configured key");
    case AuthOutcome::Missing:
        return tr("x-vwo-auth header missing");
    case AuthOutcome::NotRequired:
        break;
    }
    // The table's word, then why: nothing was checked because nothing was configured.
    return tr("Not required", "authentication outcome") + QStringLiteral(" \u2014 ") +
           tr("no keys configured, so x-vwo-auth was not checked");
}

bool EventDetailText::payloadChecked(const Event &event)
{
    // Requests refused before the body was looked at say nothing about the payload.
    return !(event.status == 404 || event.status == 405 || event.status == 413 ||
             event.status == 431 || event.error.startsWith(MalformedPrefix));
}

QString EventDetailText::payload(const Event &event)
{
    if (event.valid)
        return tr("Valid VWO webhook");
    if (!payloadChecked(event))
        return tr("Not checked");
    // A refused key's error is about the key; the payload was checked all the same.
    if (event.auth == AuthOutcome::Missing || event.auth == AuthOutcome::Failed ||
        event.error.isEmpty()) {
        return tr("Not a valid VWO webhook");
    }
    return tr("Invalid: %1").arg(event.error);
}

} // namespace hookbench
