#include "curlexport.h"

#include "requesturl.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>

namespace hookbench {

namespace {
constexpr qsizetype MaxInlineBody = 64 * 1024;
// curl 7.x sends Expect: 100-continue for bodies larger than this.
constexpr qsizetype CurlExpectThreshold = 1024 * 1024;

bool isPrintableUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f)
            return false; // keeps \r and other control bytes out of the terminal/clipboard
    }
    return true;
}

// A printf FORMAT (without quotes) that prints exactly `bytes`: printable ASCII as is,
// '%' as %%, '\' as \\, ''' and everything else as a three-digit octal escape.
QString printfFormat(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size() * 2);
    for (char ch : bytes) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte == '%') {
            out += QLatin1String("%%");
        } else if (byte == '\\') {
            out += QLatin1String("\\\\");
        } else if (byte >= 0x20 && byte < 0x7f && byte != '\'') {
            out += QLatin1Char(char(byte));
        } else {
            out += QLatin1Char('\\') + QString::number(byte, 8).rightJustified(3, QLatin1Char('0'));
        }
    }
    return out;
}

bool hasHeader(const Event &event, QByteArrayView name)
{
    for (const auto &header : event.headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Targets whose bytes curl's URL parser would change or refuse.
bool needsRequestTarget(const QByteArray &path, const QByteArray &query)
{
    if (!path.startsWith('/'))
        return true; // "*" or absolute-form
    for (const QByteArray *part : {&path, &query}) {
        for (char ch : *part) {
            const auto byte = static_cast<unsigned char>(ch);
            if (byte <= 0x20 || byte >= 0x7f || byte == '#' || byte == '\\')
                return true;
        }
    }
    return false;
}

// One shell word producing exactly `bytes` (no newlines: headers, request targets).
// The command is text, so bytes that are not printable UTF-8 come from printf.
QString shellBytes(const QByteArray &bytes)
{
    if (isPrintableUtf8(bytes) && !bytes.contains('\n'))
        return shellQuote(QString::fromUtf8(bytes));
    return QStringLiteral("\"$(printf '") + printfFormat(bytes) + QStringLiteral("')\"");
}

// A header as -H argument. curl reads "Name:" as "remove Name" and "Name;" as
// "send Name with an empty value".
QString headerArgument(const QByteArray &name, const QByteArray &value)
{
    if (value.isEmpty())
        return shellBytes(name + ';');
    return shellBytes(name + ": " + value);
}
// Plain words (methods) stay unquoted for readability; anything else is quoted.
QString shellWord(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    return plain.match(text).hasMatch() ? text : shellQuote(text);
}
} // namespace

QString shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString toCurl(const Event &event, const CurlOptions &options)
{
    QStringList args{QStringLiteral("curl")};
    const QString base = exportBaseUrl(event, options.baseUrl);
    if (isLoopbackBase(base))
        args << QStringLiteral("--noproxy '*'");

    if (event.method == "HEAD")
        args << QStringLiteral("--head"); // -X HEAD would wait for a body that never comes
    else
        args << QStringLiteral("-X ") + shellWord(QString::fromLatin1(event.method));

    const QString url = exportUrl(event, options.baseUrl);
    if (needsRequestTarget(event.path, event.query)) {
        // The base's own path prefix still applies.
        QByteArray target = QUrl(base).path(QUrl::FullyEncoded).toLatin1() + event.path;
        if (!event.query.isEmpty())
            target += '?' + event.query;
        args << shellQuote(base + QLatin1Char('/'))
             << QStringLiteral("--request-target ") + shellBytes(target);
    } else {
        if (url.contains(QLatin1String("/.")))
            args << QStringLiteral("--path-as-is");
        if (url.contains(QLatin1Char('[')) || url.contains(QLatin1Char('{')) ||
            url.contains(QLatin1Char(']')) || url.contains(QLatin1Char('}')))
            args << QStringLiteral("--globoff");
        args << shellQuote(url);
    }

    for (const auto &[name, value] : event.headers) {
        if (name.compare("host", Qt::CaseInsensitive) == 0 ||
            name.compare("content-length", Qt::CaseInsensitive) == 0)
            continue;
        const bool masked = !options.revealSecrets && !value.isEmpty() &&
                            name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
        if (masked) {
            // Single-quoted name, double-quoted expansion: the key never appears in the text.
            const QString var = QLatin1String(CurlSecretVariable);
            args << QStringLiteral("-H ") + shellBytes(name + ": ") + QStringLiteral("\"${") + var +
                        QStringLiteral("?set ") + var + QStringLiteral(" to the x-vwo-auth key}\"");
        } else {
            args << QStringLiteral("-H ") + headerArgument(name, value);
        }
    }
    // Headers curl adds by itself that the original request did not carry.
    const bool sendsBody = !event.body.isEmpty() || hasHeader(event, "content-length");
    QList<QByteArrayView> suppress{"User-Agent", "Accept"};
    if (sendsBody)
        suppress << "Content-Type";
    if (event.body.size() > CurlExpectThreshold)
        suppress << "Expect";
    for (QByteArrayView name : std::as_const(suppress)) {
        if (!hasHeader(event, name))
            args << QStringLiteral("-H ") +
                        shellQuote(QString::fromLatin1(name) + QLatin1Char(':'));
    }

    QString pipeFrom;
    if (sendsBody) {
        if (event.body.size() <= MaxInlineBody && isPrintableUtf8(event.body)) {
            args << QStringLiteral("--data-raw ") + shellQuote(QString::fromUtf8(event.body));
        } else {
            pipeFrom =
                QStringLiteral("printf '") + printfFormat(event.body) + QStringLiteral("' | ");
            args << QStringLiteral("--data-binary @-");
        }
    }
    const QString separator = options.multiLine ? QStringLiteral(" \\\n  ") : QStringLiteral(" ");
    return pipeFrom + args.join(separator);
}

} // namespace hookbench
