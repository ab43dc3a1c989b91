#include "sendresultview.h"

#include "apptheme.h"
#include "eventdetailbodyview.h"
#include "eventdetailjson.h"
#include "jsonhighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QVBoxLayout>

namespace hookbench {

SendResultView::SendResultView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_note(new QLabel(this))
    , m_timing(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_body(EventDetailBodyView::createTextView(QStringLiteral("responseBody"),
                                                 tr("Response body"), this))
    , m_highlighter(new JsonHighlighter(m_body->document()))
    , m_headers(EventDetailBodyView::createTextView(QStringLiteral("responseHeaders"),
                                                    tr("Response headers"), this))
{
    m_status->setObjectName(QStringLiteral("responseStatus"));
    m_status->setAccessibleName(tr("Response status"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_status->font();
    bold.setBold(true);
    m_status->setFont(bold);
    m_note->setObjectName(QStringLiteral("responseNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->hide();
    m_timing->setObjectName(QStringLiteral("responseTiming"));
    m_timing->setAccessibleName(tr("Response timing"));
    m_timing->setTextFormat(Qt::PlainText);
    m_timing->setWordWrap(true);
    m_timing->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_body->setPlaceholderText(tr("No body"));
    m_headers->setPlaceholderText(tr("No headers"));

    m_tabs->addTab(m_body, tr("Response bod&y"));
    m_tabs->addTab(m_headers, tr("Response hea&ders"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_timing);
    layout->addWidget(m_note);
    layout->addWidget(m_tabs, 1);
    clear();
}

void SendResultView::clear()
{
    setStatus(tr("Not sent yet"), Tone::Neutral);
    m_note->hide();
    m_timing->clear();
    m_timing->hide();
    m_body->clear();
    m_headers->clear();
}

void SendResultView::showSending(const QUrl &url)
{
    setStatus(tr("Sending to %1\u2026").arg(url.toDisplayString(QUrl::RemoveUserInfo)),
              Tone::Neutral);
}

QString SendResultView::timingText(const SendResult &result)
{
    // Only what QtNetwork reports: it has no DNS or first-byte times of its own.
    QStringList steps;
    const auto step = [&](qint64 ms, const QString &what) {
        if (ms >= 0)
            steps << tr("%1 at %2 ms").arg(what, QLocale().toString(ms));
    };
    step(result.connectStartedMs, tr("connecting"));
    step(result.tlsReadyMs, tr("TLS ready"));
    step(result.requestSentMs, tr("request sent"));
    step(result.headersMs, tr("headers in"));
    if (result.connectStartedMs < 0 && result.requestSentMs >= 0)
        steps.prepend(tr("reused connection"));
    step(result.elapsedMs, tr("complete"));
    return steps.join(QStringLiteral(" \u00b7 "));
}

void SendResultView::showResult(const SendResult &result)
{
    const QString elapsed = tr("%1 ms").arg(QLocale().toString(result.elapsedMs));
    const QString dot = QStringLiteral(" \u00b7 ");
    m_body->clear();
    m_headers->clear();
    m_note->hide();
    m_timing->setText(timingText(result));
    m_timing->setVisible(result.failure != SendFailure::InvalidRequest);
    if (!result.answered()) {
        const QString text = result.failure == SendFailure::Cancelled
                                 ? tr("Cancelled")
                                 : tr("Failed: %1").arg(result.error);
        setStatus(result.failure == SendFailure::InvalidRequest ? text
                                                                : QString(text + dot + elapsed),
                  Tone::Failure);
        return;
    }

    QString status = QString::number(result.status);
    if (!result.reason.isEmpty())
        status += QLatin1Char(' ') + QString::fromLatin1(result.reason);
    status += dot + elapsed;
    if (!result.redirectTarget.isEmpty())
        status += dot + tr("redirects to %1 (not followed)")
                            .arg(result.redirectTarget.toDisplayString(QUrl::RemoveUserInfo));
    setStatus(status, result.isSuccess()                            ? Tone::Success
                      : result.status >= 300 && result.status < 400 ? Tone::Neutral
                                                                    : Tone::Failure);

    QStringList lines;
    for (const auto &[name, value] : result.headers)
        lines << QString::fromLatin1(name) + QLatin1String(": ") + QString::fromUtf8(value);
    m_headers->setPlainText(lines.join(QLatin1Char('\n')));

    QJsonParseError error{};
    QJsonDocument::fromJson(result.body, &error);
    const bool json = !result.bodyTruncated && error.error == QJsonParseError::NoError;
    m_body->setPlainText(json ? prettyJson(result.body) : QString::fromUtf8(result.body));
    if (result.bodyTruncated) {
        m_note->setText(tr("Showing the first %1 of %2 of the response body.")
                            .arg(QLocale().formattedDataSize(result.body.size()),
                                 QLocale().formattedDataSize(result.bodyBytes)));
        m_note->show();
    }
}

QString SendResultView::timingText() const
{
    return m_timing->text();
}

QString SendResultView::statusText() const
{
    return m_status->text();
}

QColor SendResultView::toneColor(Tone tone, const QPalette &palette)
{
    // Hand-checked for at least 4.5:1 contrast on light and dark window colours.
    const bool dark = AppTheme::isDarkPalette(palette);
    switch (tone) {
    case Tone::Success:
        return dark ? QColor(0x8c, 0xd1, 0x8c) : QColor(0x2b, 0x74, 0x30);
    case Tone::Failure:
        return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
    case Tone::Neutral:
        break;
    }
    return palette.color(QPalette::WindowText);
}

void SendResultView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        applyTone();
        m_highlighter->updateColors(m_body->palette());
    }
    QWidget::changeEvent(event);
}

void SendResultView::setStatus(const QString &text, Tone tone)
{
    m_status->setText(text);
    m_tone = tone;
    applyTone();
}

void SendResultView::applyTone()
{
    // Set on the label alone, so the widget's own palette keeps following the theme.
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::WindowText, toneColor(m_tone, this->palette()));
    m_status->setPalette(palette);
}

} // namespace hookbench
