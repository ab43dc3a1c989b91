#include "curlimport.h"

#include <QSet>

namespace hookbench {

namespace {

// Splits a command line as sh would (no expansion): quotes, escapes, line continuations.
// Returns false with `error` set on an unterminated quote.
bool splitWords(const QString &line, QStringList *words, QString *error)
{
    QString word;
    bool inWord = false;
    const qsizetype n = line.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char('\\')) {
            if (i + 1 < n && line.at(i + 1) == QLatin1Char('\r'))
                ++i; // "\" CR LF from a Windows clipboard
            if (i + 1 < n && line.at(i + 1) == QLatin1Char('\n')) {
                ++i; // line continuation
                continue;
            }
            if (i + 1 < n)
                word += line.at(++i);
            inWord = true;
        } else if (c == QLatin1Char('\'')) {
            const qsizetype end = line.indexOf(QLatin1Char('\''), i + 1);
            if (end < 0)
                return *error = QStringLiteral("a single quote (') is not closed"), false;
            word += line.mid(i + 1, end - i - 1);
            i = end;
            inWord = true;
        } else if (c == QLatin1Char('$') && i + 1 < n && line.at(i + 1) == QLatin1Char('\'')) {
            // $'…': ANSI-C quoting, as bash and browsers' "Copy as cURL" write it.
            qsizetype j = i + 2;
            for (; j < n && line.at(j) != QLatin1Char('\''); ++j) {
                if (line.at(j) != QLatin1Char('\\') || j + 1 >= n) {
                    word += line.at(j);
                    continue;
                }
                const QChar e = line.at(++j);
                if (e == QLatin1Char('n'))
                    word += QLatin1Char('\n');
                else if (e == QLatin1Char('t'))
                    word += QLatin1Char('\t');
                else if (e == QLatin1Char('r'))
                    word += QLatin1Char('\r');
                else if (e == QLatin1Char('x') && j + 2 < n) {
                    word += QChar(line.mid(j + 1, 2).toUShort(nullptr, 16));
                    j += 2;
                } else
                    word += e;
            }
            if (j >= n)
                return *error = QStringLiteral("a $' quote is not closed"), false;
            i = j;
            inWord = true;
        } else if (c == QLatin1Char('"')) {
            qsizetype j = i + 1;
            for (; j < n && line.at(j) != QLatin1Char('"'); ++j) {
                const QChar d = line.at(j);
                if (d == QLatin1Char('\\') && j + 1 < n &&
                    QStringLiteral("\"\\$`\n").contains(line.at(j + 1))) {
                    if (line.at(++j) != QLatin1Char('\n'))
                        word += line.at(j);
                } else {
                    word += d;
                }
            }
            if (j >= n)
                return *error = QStringLiteral("a double quote (\") is not closed"), false;
            i = j;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words->append(word);
            word.clear();
            inWord = false;
        } else if (!inWord && (c == QLatin1Char('|') || c == QLatin1Char(';') ||
                               c == QLatin1Char('&') || c == QLatin1Char('<'))) {
            return *error = QStringLiteral("only a single curl command can be imported, "
                                           "without pipes or redirections"),
                   false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words->append(word);
    return true;
}

const QSet<QString> &ignoredFlags()
{
    static const QSet<QString> flags{QStringLiteral("-s"),
                                     QStringLiteral("--silent"),
                                     QStringLiteral("-S"),
                                     QStringLiteral("--show-error"),
                                     QStringLiteral("-v"),
                                     QStringLiteral("--verbose"),
                                     QStringLiteral("-i"),
                                     QStringLiteral("--include"),
                                     QStringLiteral("-k"),
                                     QStringLiteral("--insecure"),
                                     QStringLiteral("-L"),
                                     QStringLiteral("--location"),
                                     QStringLiteral("--compressed"),
                                     QStringLiteral("-f"),
                                     QStringLiteral("--fail"),
                                     QStringLiteral("-g"),
                                     QStringLiteral("--globoff"),
                                     QStringLiteral("--path-as-is"),
                                     QStringLiteral("--http1.1"),
                                     QStringLiteral("--http2"),
                                     QStringLiteral("-N"),
                                     QStringLiteral("--no-buffer"),
                                     QStringLiteral("--fail-with-body")};
    return flags;
}

const QSet<QString> &ignoredWithValue()
{
    static const QSet<QString> options{QStringLiteral("-m"),
                                       QStringLiteral("--max-time"),
                                       QStringLiteral("--connect-timeout"),
                                       QStringLiteral("-o"),
                                       QStringLiteral("--output"),
                                       QStringLiteral("-w"),
                                       QStringLiteral("--write-out"),
                                       QStringLiteral("--noproxy"),
                                       QStringLiteral("-x"),
                                       QStringLiteral("--proxy"),
                                       QStringLiteral("--retry"),
                                       QStringLiteral("--request-target"),
                                       QStringLiteral("--cacert"),
                                       QStringLiteral("--resolve")};
    return options;
}

bool hasHeader(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

CurlImport importCurl(const QString &commandLine)
{
    CurlImport result;
    QStringList words;
    if (!splitWords(commandLine, &words, &result.error))
        return result;
    if (words.isEmpty() || !(words.first() == QLatin1String("curl") ||
                             words.first().endsWith(QLatin1String("/curl")))) {
        result.error = QStringLiteral("not a curl command: it must start with \"curl\"");
        return result;
    }

    QByteArray method, url;
    QList<QByteArray> data;
    bool json = false, get = false, formData = false;
    OutgoingRequest &request = result.request;
    for (qsizetype i = 1; i < words.size(); ++i) {
        QString option = words.at(i);
        QString value;
        // Short options may carry their value glued on: -XPUT, -H'Accept: x'.
        static const QString glued = QStringLiteral("XHdAebu");
        if (option.size() > 2 && option.at(0) == QLatin1Char('-') &&
            option.at(1) != QLatin1Char('-') && glued.contains(option.at(1))) {
            value = option.mid(2);
            option.truncate(2);
        }
        const auto takeValue = [&]() -> bool {
            if (!value.isNull())
                return true;
            if (i + 1 >= words.size()) {
                result.error = QStringLiteral("%1 needs a value").arg(option);
                return false;
            }
            value = words.at(++i);
            return true;
        };
        if (option == QLatin1String("-X") || option == QLatin1String("--request")) {
            if (!takeValue())
                return result;
            method = value.toUtf8();
        } else if (option == QLatin1String("-H") || option == QLatin1String("--header")) {
            if (!takeValue())
                return result;
            const qsizetype colon = value.indexOf(QLatin1Char(':'));
            const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
            if (colon < 0 && semicolon == value.size() - 1) {
                request.headers.append({value.chopped(1).trimmed().toUtf8(), QByteArray()});
                continue; // "Name;" sends an empty header
            }
            if (colon <= 0) {
                result.error =
                    QStringLiteral("header \"%1\" has no \"name: value\" form").arg(value);
                return result;
            }
            QByteArray name = value.left(colon).trimmed().toUtf8();
            QByteArray headerValue = value.mid(colon + 1).trimmed().toUtf8();
            if (name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0 && headerValue.contains('$')) {
                headerValue.clear(); // "Copy as curl" without the key reads it from $VWO_AUTH
                result.notes.append(
                    QStringLiteral("x-vwo-auth read the shell variable $VWO_AUTH: choose a key"));
            }
            request.headers.append({name, headerValue});
        } else if (option == QLatin1String("-d") || option == QLatin1String("--data") ||
                   option == QLatin1String("--data-ascii") ||
                   option == QLatin1String("--data-binary") ||
                   option == QLatin1String("--data-raw") ||
                   option == QLatin1String("--data-urlencode") ||
                   option == QLatin1String("--json")) {
            if (!takeValue())
                return result;
            if (value.startsWith(QLatin1Char('@')) && option != QLatin1String("--data-raw") &&
                option != QLatin1String("--data-urlencode")) {
                result.error = QStringLiteral("%1 %2 reads a file, which import does not do: "
                                              "paste the body instead")
                                   .arg(option, value);
                return result;
            }
            QByteArray bytes = value.toUtf8();
            if (option == QLatin1String("--data-urlencode")) {
                const qsizetype eq = bytes.indexOf('=');
                bytes = eq < 0 ? QUrl::toPercentEncoding(value)
                               : bytes.left(eq + 1) + QUrl::toPercentEncoding(value.mid(eq + 1));
            }
            json = json || option == QLatin1String("--json");
            formData = formData || option != QLatin1String("--json");
            data.append(bytes);
        } else if (option == QLatin1String("--url")) {
            if (!takeValue())
                return result;
            url = value.toUtf8();
        } else if (option == QLatin1String("-G") || option == QLatin1String("--get")) {
            get = true;
        } else if (option == QLatin1String("-I") || option == QLatin1String("--head")) {
            method = "HEAD";
        } else if (option == QLatin1String("-u") || option == QLatin1String("--user")) {
            if (!takeValue())
                return result;
            request.headers.append(
                {QByteArrayLiteral("Authorization"), "Basic " + value.toUtf8().toBase64()});
        } else if (option == QLatin1String("-A") || option == QLatin1String("--user-agent")) {
            if (!takeValue())
                return result;
            request.headers.append({QByteArrayLiteral("User-Agent"), value.toUtf8()});
        } else if (option == QLatin1String("-e") || option == QLatin1String("--referer")) {
            if (!takeValue())
                return result;
            request.headers.append({QByteArrayLiteral("Referer"), value.toUtf8()});
        } else if (option == QLatin1String("-b") || option == QLatin1String("--cookie")) {
            if (!takeValue())
                return result;
            request.headers.append({QByteArrayLiteral("Cookie"), value.toUtf8()});
        } else if (ignoredWithValue().contains(option)) {
            if (!takeValue())
                return result;
            result.notes.append(QStringLiteral("ignored: %1 %2").arg(option, value));
        } else if (ignoredFlags().contains(option)) {
            result.notes.append(QStringLiteral("ignored: %1").arg(option));
        } else if (option.startsWith(QLatin1Char('-')) && option.size() > 1) {
            result.notes.append(QStringLiteral("not understood, ignored: %1").arg(option));
        } else if (url.isEmpty()) {
            url = option.toUtf8();
        } else {
            result.error = QStringLiteral("more than one URL (\"%1\" and \"%2\"): import one "
                                          "request at a time")
                               .arg(QString::fromUtf8(url), option);
            return result;
        }
    }
    if (url.isEmpty()) {
        result.error = QStringLiteral("the command has no URL");
        return result;
    }
    if (!url.contains("://"))
        url.prepend("http://"); // as curl guesses
    request.url = QUrl::fromEncoded(url, QUrl::TolerantMode);
    const QByteArray body = data.join('&');
    if (get && !data.isEmpty()) {
        QString query = request.url.query(QUrl::FullyEncoded);
        query += (query.isEmpty() ? QString() : QStringLiteral("&")) + QString::fromUtf8(body);
        request.url.setQuery(query, QUrl::TolerantMode);
    } else {
        request.body = body;
    }
    if (json) {
        if (!hasHeader(request.headers, "Content-Type"))
            request.headers.append({QByteArrayLiteral("Content-Type"), "application/json"});
        if (!hasHeader(request.headers, "Accept"))
            request.headers.append({QByteArrayLiteral("Accept"), "application/json"});
    } else if (formData && !get && !hasHeader(request.headers, "Content-Type")) {
        request.headers.append(
            {QByteArrayLiteral("Content-Type"), "application/x-www-form-urlencoded"});
    }
    if (method.isEmpty())
        method = get || data.isEmpty() ? "GET" : "POST";
    request.method = method;
    return result;
}

} // namespace hookbench
