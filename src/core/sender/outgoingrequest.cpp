#include "outgoingrequest.h"

#include <QtNetwork/qtnetworkglobal.h> // QT_CONFIG(ssl)

namespace hookbench {

namespace {

// RFC 9110 token characters (method and header names).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// Why `token` is not a token, in words; empty when it is one.
QString tokenProblem(const QByteArray &token)
{
    for (char c : token) {
        if (isTokenChar(c))
            continue;
        const auto byte = static_cast<unsigned char>(c);
        if (c == ' ')
            return QStringLiteral("contains a space");
        if (c == '\t')
            return QStringLiteral("contains a tab");
        if (byte >= 0x80)
            return QStringLiteral("contains a non-ASCII character");
        if (byte < 0x20 || byte == 0x7f)
            return QStringLiteral("contains a control character");
        return QStringLiteral("contains \"%1\"").arg(QLatin1Char(c));
    }
    return {};
}

QString valueProblem(const QByteArray &value)
{
    for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\r' || c == '\n')
            return QStringLiteral("contains a line break");
        if ((byte < 0x20 && c != '\t') || byte == 0x7f)
            return QStringLiteral("contains a control character");
    }
    return {};
}

// QUrl's errorString() ends in "; source was ..." with the whole input: keep the reason.
QString urlProblem(const QUrl &url)
{
    QString reason = url.errorString().section(QLatin1Char(';'), 0, 0).trimmed();
    if (reason.isEmpty())
        return QStringLiteral("not a valid URL");
    reason[0] = reason.at(0).toLower();
    return reason;
}

} // namespace

bool OutgoingRequest::isSenderHeader(QByteArrayView name)
{
    static const QByteArrayView names[] = {
        "host", "content-length", "connection",      "transfer-encoding", "expect", "keep-alive",
        "te",   "upgrade",        "proxy-connection"};
    for (QByteArrayView candidate : names) {
        if (name.compare(candidate, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

OutgoingRequest OutgoingRequest::fromEvent(const Event &event, const QUrl &target)
{
    OutgoingRequest request;
    request.method = event.method;
    request.body = event.body;
    request.url = target;
    const QString targetPath = target.path();
    if (targetPath.isEmpty() || targetPath == QLatin1String("/")) {
        // Raw bytes as received: TolerantMode keeps their percent-encoding.
        const QByteArray path = event.path.startsWith('/') ? event.path : QByteArray("/");
        request.url.setPath(QString::fromUtf8(path), QUrl::TolerantMode);
        if (!target.hasQuery() && !event.query.isEmpty())
            request.url.setQuery(QString::fromUtf8(event.query), QUrl::TolerantMode);
    }
    for (const auto &header : event.headers) {
        if (!isSenderHeader(header.first))
            request.headers.append(header);
    }
    return request;
}

QString OutgoingRequest::validate() const
{
    if (method.isEmpty())
        return QStringLiteral("Method: empty");
    if (const QString problem = tokenProblem(method); !problem.isEmpty())
        return QStringLiteral("Method: ") + problem;

    if (url.isEmpty())
        return QStringLiteral("URL: empty");
    if (!url.isValid())
        return QStringLiteral("URL: ") + urlProblem(url);
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return QStringLiteral("URL: scheme must be http or https");
#if !QT_CONFIG(ssl)
    if (scheme == QLatin1String("https"))
        return QStringLiteral("URL: https needs TLS support, which this build of Qt lacks");
#endif
    if (url.host().isEmpty())
        return QStringLiteral("URL: host is missing");

    for (qsizetype i = 0; i < headers.size(); ++i) {
        const auto &[name, value] = headers.at(i);
        const QString where = QStringLiteral("header %1").arg(i + 1);
        if (name.isEmpty())
            return where + QStringLiteral(": name is empty");
        if (const QString problem = tokenProblem(name); !problem.isEmpty())
            return where + QStringLiteral(": name ") + problem;
        if (isSenderHeader(name))
            return where + QStringLiteral(": %1 is set by the sender; remove it")
                               .arg(QString::fromLatin1(name));
        if (const QString problem = valueProblem(value); !problem.isEmpty())
            return where + QStringLiteral(" (%1): value ").arg(QString::fromLatin1(name)) + problem;
    }

    if (method == "HEAD" && !body.isEmpty())
        return QStringLiteral("Body: a HEAD request cannot carry a body");
    return {};
}

} // namespace hookbench
