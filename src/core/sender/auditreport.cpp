#include "auditreport.h"

#include <QStringList>

namespace hookbench {

namespace {

QString label(AuditVerdict verdict)
{
    return verdictName(verdict).toUpper();
}

QString plural(int count, const QString &word)
{
    return QString::number(count) + QLatin1Char(' ') + word +
           (count == 1 ? QString() : QStringLiteral("s"));
}

// The answer column: summary, then the start of the body when there is one.
QString answerText(const AuditCheckResult &check)
{
    QString text = check.answerSummary();
    if (!check.answerExcerpt.isEmpty())
        text += QStringLiteral("; body: ") + check.answerExcerpt;
    return text;
}

QString runLine(const AuditReport &report)
{
    return QStringLiteral("Started %1, took %2 ms; timeout %3 ms per request, slow above %4 ms.")
        .arg(report.startedAt.toString(Qt::ISODate), QString::number(report.elapsedMs),
             QString::number(report.timeoutMs), QString::number(report.slowMs));
}

QString countsLine(const AuditReport &report)
{
    QStringList parts;
    for (AuditVerdict verdict : {AuditVerdict::Pass, AuditVerdict::Warn, AuditVerdict::Fail,
                                 AuditVerdict::Info, AuditVerdict::Skipped})
        parts << QString::number(report.count(verdict)) + QLatin1Char(' ') + verdictName(verdict);
    return parts.join(QLatin1String(", "));
}

QString keyNote(const AuditReport &report)
{
    return report.keyGiven ? QString()
                           : QStringLiteral("No key was given, so authentication was not checked.");
}

// Markdown from untrusted text (answers, URLs): every character that could start markup or
// inline HTML is backslash-escaped, and a line break would end the table row.
QString markdownEscaped(const QString &text)
{
    QString out;
    out.reserve(text.size() + 16);
    for (QChar c : text) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            out += QLatin1Char(' ');
            continue;
        }
        if (QStringView(u"\\`*_[]<>|&~#!").contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString html(const QString &text)
{
    return text.toHtmlEscaped();
}

const char HtmlStyle[] = R"(
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.5em; margin-bottom: .2em; }
.target { font-family: ui-monospace, monospace; word-break: break-all; }
.result { font-weight: 600; padding: .5em .8em; border-radius: 6px; display: inline-block; }
.result.passed { background: #e3f5e6; color: #135c22; }
.result.failed { background: #fde8e8; color: #8a1212; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
th, td { text-align: left; vertical-align: top; padding: .45em .6em; border-bottom: 1px solid #ddd; }
th { background: #f4f4f6; }
td.sent, td.answer { font-size: .9em; word-break: break-word; }
code { font-family: ui-monospace, monospace; font-size: .9em; }
.badge { font-weight: 700; padding: .1em .45em; border-radius: 4px; font-size: .85em; }
.badge.pass { background: #d4f0da; color: #135c22; }
.badge.warn { background: #fff1c7; color: #6b4d00; }
.badge.fail { background: #fbd5d5; color: #8a1212; }
.badge.info { background: #dce9fb; color: #17407a; }
.badge.skipped { background: #ececef; color: #555; }
@media (prefers-color-scheme: dark) {
  body { background: #1c1c1e; color: #eee; } th { background: #2c2c2e; }
  th, td { border-color: #3a3a3c; }
}
)";

} // namespace

int AuditReport::count(AuditVerdict verdict) const
{
    int n = 0;
    for (const AuditCheckResult &check : checks)
        n += check.verdict == verdict ? 1 : 0;
    return n;
}

bool AuditReport::passed() const
{
    return !canceled && error.isEmpty() && !checks.isEmpty() && count(AuditVerdict::Fail) == 0;
}

QString AuditReport::resultSentence() const
{
    if (!error.isEmpty())
        return QStringLiteral("Not run: %1.").arg(error);
    if (canceled) {
        int done = 0;
        for (const AuditCheckResult &check : checks)
            done += check.verdict == AuditVerdict::Skipped ? 0 : 1;
        return QStringLiteral("Cancelled after %1 of %2 checks: incomplete, so not passed.")
            .arg(done)
            .arg(checks.size());
    }
    const int warnings = count(AuditVerdict::Warn);
    if (const int failures = count(AuditVerdict::Fail); failures > 0)
        return QStringLiteral("Failed: %1 failed and %2. The audit passes when no check fails; "
                              "warnings are advice.")
            .arg(plural(failures, QStringLiteral("check")),
                 plural(warnings, QStringLiteral("warning")));
    if (warnings == 0)
        return QStringLiteral("Passed: no check failed and none warned.");
    return QStringLiteral("Passed: no check failed (%1; warnings do not fail the audit).")
        .arg(plural(warnings, QStringLiteral("warning")));
}

QString AuditReport::toText() const
{
    QStringList lines;
    lines << QStringLiteral("Endpoint audit of %1").arg(target) << runLine(*this)
          << resultSentence();
    if (!keyGiven)
        lines << keyNote(*this);
    lines << QString();
    const QString indent(4, QLatin1Char(' '));
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const AuditCheckResult &check = checks.at(i);
        lines << QStringLiteral("%1. %2 %3 (%4)")
                     .arg(i + 1, 2)
                     .arg(label(check.verdict), check.title, check.id);
        lines << indent + QStringLiteral("sent:     ") + check.sentSummary();
        lines << indent + QStringLiteral("expected: ") + check.expected;
        lines << indent + QStringLiteral("answer:   ") + answerText(check);
        if (!check.advice.isEmpty())
            lines << indent + QStringLiteral("advice:   ") + check.advice;
    }
    lines << QString() << countsLine(*this);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString AuditReport::toMarkdown() const
{
    QStringList lines;
    lines << QStringLiteral("# Endpoint audit") << QString();
    lines << QStringLiteral("- **Endpoint:** ") + markdownEscaped(target);
    lines << QStringLiteral("- **Result:** **%1**").arg(markdownEscaped(resultSentence()));
    lines << QStringLiteral("- **Run:** ") + markdownEscaped(runLine(*this));
    lines << QStringLiteral("- **Verdicts:** ") + countsLine(*this);
    if (!keyGiven)
        lines << QStringLiteral("- ") + keyNote(*this);
    lines << QString();
    lines << QStringLiteral("| # | Check | Verdict | Sent | Expected | Answer | Advice |");
    lines << QStringLiteral("|--:|---|---|---|---|---|---|");
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const AuditCheckResult &check = checks.at(i);
        QStringList cells;
        cells << QString::number(i + 1)
              << markdownEscaped(check.title) + QStringLiteral(" (`") + check.id +
                     QStringLiteral("`)")
              << QStringLiteral("**") + label(check.verdict) + QStringLiteral("**")
              << markdownEscaped(check.sentSummary()) << markdownEscaped(check.expected)
              << markdownEscaped(answerText(check)) << markdownEscaped(check.advice);
        lines << QStringLiteral("| ") + cells.join(QLatin1String(" | ")) + QStringLiteral(" |");
    }
    lines << QString()
          << QStringLiteral("The audit passes when no check fails; warnings are advice, and "
                            "info is reported only. Each check is described in Hookbench's "
                            "docs/endpoint-audit.md.");
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString AuditReport::toHtml() const
{
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                          "'none'; style-src 'unsafe-inline'\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, "
                          "initial-scale=1\">\n<title>Endpoint audit: ");
    out += html(target) + QStringLiteral("</title>\n<style>");
    out += QLatin1String(HtmlStyle);
    out += QStringLiteral("</style>\n</head>\n<body>\n<h1>Endpoint audit</h1>\n");
    out += QStringLiteral("<p class=\"target\">") + html(target) + QStringLiteral("</p>\n");
    out += QStringLiteral("<p class=\"result %1\">%2</p>\n")
               .arg(passed() ? QStringLiteral("passed") : QStringLiteral("failed"),
                    html(resultSentence()));
    out += QStringLiteral("<p>") + html(runLine(*this)) + QStringLiteral("<br>") +
           html(countsLine(*this));
    if (!keyGiven)
        out += QStringLiteral("<br>") + html(keyNote(*this));
    out += QStringLiteral("</p>\n<table>\n<thead><tr><th>#</th><th>Check</th><th>Verdict</th>"
                          "<th>Sent</th><th>Expected</th><th>Answer</th><th>Advice</th></tr>"
                          "</thead>\n<tbody>\n");
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const AuditCheckResult &check = checks.at(i);
        const QString verdict = verdictName(check.verdict);
        out += QStringLiteral("<tr><td>%1</td><td>%2<br><code>%3</code></td>")
                   .arg(QString::number(i + 1), html(check.title), html(check.id));
        out += QStringLiteral("<td><span class=\"badge %1\">%2</span></td>")
                   .arg(verdict, label(check.verdict));
        out += QStringLiteral("<td class=\"sent\">%1</td><td>%2</td>")
                   .arg(html(check.sentSummary()), html(check.expected));
        out += QStringLiteral("<td class=\"answer\">") + html(check.answerSummary());
        if (!check.answerExcerpt.isEmpty())
            out += QStringLiteral("<br><code>") + html(check.answerExcerpt) +
                   QStringLiteral("</code>");
        out += QStringLiteral("</td><td>") + html(check.advice) + QStringLiteral("</td></tr>\n");
    }
    out += QStringLiteral("</tbody>\n</table>\n<p>The audit passes when no check fails; warnings "
                          "are advice, and info is reported only.</p>\n</body>\n</html>\n");
    return out;
}

} // namespace hookbench
