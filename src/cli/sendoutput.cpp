#include "sendoutput.h"

#include "diff/jsonprettyprinter.h"
#include "diff/jsontree.h"

namespace hookbench::cli {

namespace {

QString plural(qint64 n, const char *one, const char *many)
{
    return QString::number(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
}

QString micros(qint64 us)
{
    if (us < 10'000'000)
        return QStringLiteral("%1 ms").arg(double(us) / 1000, 0, 'f', us < 100'000 ? 2 : 1);
    return humanMs(us / 1000);
}

// Bytes as they may safely reach a terminal: valid UTF-8 as is, tabs and line breaks kept;
// other control characters and invalid bytes as \xNN (an answer must not drive the terminal).
QByteArray printable(QByteArrayView bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    const QString text = QString::fromUtf8(bytes);
    const bool validUtf8 = text.toUtf8() == bytes;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        const bool control = (c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7f;
        if (control || (c >= 0x80 && !validUtf8))
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
        else if (c != '\r' || (i + 1 < bytes.size() && bytes[i + 1] == '\n'))
            out += char(c);
        else
            out += "\\r";
    }
    return out;
}

QByteArray bodyText(const SendResult &result)
{
    if (result.body.isEmpty())
        return result.bodyBytes > 0 ? QByteArrayLiteral("[body not kept]\n") : QByteArray();
    QByteArray shown = result.body;
    const JsonTree tree = result.bodyTruncated ? JsonTree() : JsonTree::parse(result.body);
    if (!tree.isNull())
        shown = prettyPrint(tree).text;
    QByteArray text;
    if (shown.size() > MaxShownBody) {
        qsizetype cut = MaxShownBody;
        while (cut > 0 && (static_cast<unsigned char>(shown.at(cut)) & 0xC0) == 0x80)
            --cut; // not inside a UTF-8 sequence
        text = printable(QByteArrayView(shown).first(cut));
    } else {
        text = printable(shown);
    }
    if (!text.endsWith('\n'))
        text += '\n';
    if (result.bodyBytes > qint64(text.size()) &&
        (shown.size() > MaxShownBody || result.bodyTruncated))
        text += QStringLiteral("[body: %1 bytes, the first %2 shown]\n")
                    .arg(result.bodyBytes)
                    .arg(qMin<qint64>(MaxShownBody, shown.size()))
                    .toUtf8();
    return text;
}

} // namespace

QString humanMs(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000)
        return QStringLiteral("%1 s").arg(double(ms) / 1000, 0, 'f', 1);
    const qint64 seconds = (ms + 500) / 1000;
    QString text;
    if (seconds >= 3600)
        text += QStringLiteral("%1h").arg(seconds / 3600);
    const qint64 minutes = seconds % 3600 / 60;
    text += seconds >= 3600 ? QStringLiteral("%1m").arg(minutes, 2, 10, QLatin1Char('0'))
                            : QStringLiteral("%1m").arg(minutes);
    return text + QStringLiteral("%1s").arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QByteArray attemptLine(const RetryAttempt &attempt)
{
    QString line = QStringLiteral("attempt %1: ").arg(attempt.number) + attempt.outcome();
    if (attempt.answered())
        line += QStringLiteral(" in ") + humanMs(attempt.elapsedMs);
    else if (attempt.failure != SendFailure::Timeout && attempt.failure != SendFailure::Cancelled)
        line += QStringLiteral(", after ") + humanMs(attempt.elapsedMs);
    if (attempt.waitAfterMs >= 0)
        line += QStringLiteral("; retrying in ") + humanMs(attempt.waitAfterMs);
    return line.toUtf8() + '\n';
}

QByteArray answerText(const SendResult &result)
{
    if (!result.answered())
        return {};
    QByteArray text = "HTTP " + QByteArray::number(result.status);
    if (!result.reason.isEmpty())
        text += ' ' + printable(result.reason);
    text += '\n';
    for (const auto &[name, value] : result.headers) {
        const bool secret = name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
        text +=
            printable(name) + ": " + (secret ? QByteArray("[redacted]") : printable(value)) + '\n';
    }
    if (result.redirectTarget.isValid())
        text += "[redirect to " + result.redirectTarget.toEncoded() + " not followed]\n";
    const QByteArray body = bodyText(result);
    if (!body.isEmpty())
        text += '\n' + body;
    return text;
}

QByteArray summaryLine(const RetryOutcome &outcome, RetryPolicy policy)
{
    const SendResult &last = outcome.last;
    const QString lastText =
        last.answered()
            ? QString::number(last.status) +
                  (last.reason.isEmpty() ? QString()
                                         : QLatin1Char(' ') + QString::fromLatin1(last.reason))
            : last.error;
    const QString attempts = plural(outcome.attempts.size(), "attempt", "attempts");
    const QString took = QStringLiteral(" in ") + humanMs(outcome.elapsedMs);
    QString line;
    switch (outcome.end) {
    case RetryOutcome::End::Succeeded:
        line = lastText + QStringLiteral(" after ") + attempts + took;
        break;
    case RetryOutcome::End::NotRetried:
        line = (last.answered() ? QStringLiteral("not 200: ") : QStringLiteral("no answer: ")) +
               lastText + QStringLiteral(" (--retry none)");
        break;
    case RetryOutcome::End::WindowExhausted:
        line = QStringLiteral("gave up: no 200 after ") + attempts + took +
               QStringLiteral("; last: ") + lastText;
        if (policy == RetryPolicy::Vwo && outcome.attempts.size() == 1)
            line += QStringLiteral(" (the --retry-for window left no time for a retry)");
        break;
    case RetryOutcome::End::Cancelled:
        line = QStringLiteral("cancelled after ") + attempts + took;
        if (!outcome.attempts.isEmpty() && last.failure != SendFailure::Cancelled)
            line += QStringLiteral("; last: ") + lastText;
        break;
    case RetryOutcome::End::Invalid:
        line = outcome.error;
        break;
    }
    return line.toUtf8() + '\n';
}

QByteArray loadReport(const LoadSummary &summary)
{
    QString text = QStringLiteral("sent %1, answered %2, failed %3 in %4 (%5 requests/s)\n")
                       .arg(summary.sent)
                       .arg(summary.answered)
                       .arg(summary.failed)
                       .arg(humanMs(qint64(summary.elapsedSeconds * 1000)))
                       .arg(summary.requestsPerSecond, 0, 'f', 1);
    if (summary.answered > 0)
        text += QStringLiteral("latency p50 %1, p90 %2, p99 %3, max %4\n")
                    .arg(micros(summary.p50Us), micros(summary.p90Us), micros(summary.p99Us),
                         micros(summary.maxUs));
    for (auto it = summary.statusCounts.cbegin(); it != summary.statusCounts.cend(); ++it)
        text += QStringLiteral("status %1: %2\n").arg(it.key()).arg(it.value());
    for (auto it = summary.failureCounts.cbegin(); it != summary.failureCounts.cend(); ++it)
        text += QStringLiteral("failed: %1: %2\n").arg(it.key()).arg(it.value());
    if (summary.canceled)
        text += QStringLiteral("cancelled before all requests were done\n");
    return text.toUtf8();
}

} // namespace hookbench::cli
