#include "filterbar.h"

#include "filterlineedit.h"
#include "recentfilters.h"

#include <QAction>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace hookbench {

namespace {

struct FieldHelp
{
    const char *name;
    const char *description;
};

// The language's fields (EventFilter's), with what each takes; also the completer's words.
const FieldHelp fieldHelp[] = {
    {"status", QT_TRANSLATE_NOOP("hookbench::FilterBar", "HTTP status: 401, 4xx, 400-499, >=500")},
    {"method", QT_TRANSLATE_NOOP("hookbench::FilterBar", "HTTP method: POST")},
    {"path", QT_TRANSLATE_NOOP("hookbench::FilterBar", "request path, * wildcard: /vwo*")},
    {"query", QT_TRANSLATE_NOOP("hookbench::FilterBar", "query string, * wildcard")},
    {"auth", QT_TRANSLATE_NOOP("hookbench::FilterBar",
                               "signature check: ok, failed, missing, not_required")},
    {"valid", QT_TRANSLATE_NOOP("hookbench::FilterBar", "payload is valid: true, false")},
    {"body", QT_TRANSLATE_NOOP("hookbench::FilterBar", "text in the body: \"campaign\"")},
    {"header", QT_TRANSLATE_NOOP("hookbench::FilterBar", "header present or name=value glob")},
    {"remote", QT_TRANSLATE_NOOP("hookbench::FilterBar", "client address, * wildcard")},
    {"endpoint", QT_TRANSLATE_NOOP("hookbench::FilterBar", "receiving endpoint")},
    {"since", QT_TRANSLATE_NOOP("hookbench::FilterBar", "received within: 30s, 10m, 2h, 3d")},
    {"until", QT_TRANSLATE_NOOP("hookbench::FilterBar", "received before a duration or date")},
    {"id", QT_TRANSLATE_NOOP("hookbench::FilterBar", "event id: 42, 10-20, >100")},
    {"size", QT_TRANSLATE_NOOP("hookbench::FilterBar", "body size in bytes: >10K, 100-2K")},
    {"key", QT_TRANSLATE_NOOP("hookbench::FilterBar", "signing key name")},
    {"is", QT_TRANSLATE_NOOP("hookbench::FilterBar",
                             "starred requests, or VWO's retries of a webhook: starred, retry")},
};

// Filter text is code, not prose: examples stay untranslated.
const char *const examples[] = {
    "status:401 auth:failed",
    "method:POST path:/vwo* since:10m",
    "body:\"campaign\" AND NOT status:2xx",
    "(status:4xx OR status:5xx) since:1h",
    "header:user-agent=curl* size:>1K",
    "is:retry since:1h",
    "is:starred",
};

constexpr int defaultLiveApplyDelay = 300;

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_edit(new FilterLineEdit(this))
    , m_helpButton(new QToolButton(this))
    , m_recentButton(new QToolButton(this))
    , m_recentMenu(new QMenu(this))
    , m_countLabel(new QLabel(this))
    , m_cancelButton(new QToolButton(this))
    , m_errorRow(new QWidget(this))
    , m_errorIcon(new QLabel(m_errorRow))
    , m_errorLabel(new QLabel(m_errorRow))
    , m_liveTimer(new QTimer(this))
{
    m_edit->setObjectName(QStringLiteral("filterEdit"));
    m_edit->setClearButtonEnabled(true);
    QStringList words;
    for (const FieldHelp &field : fieldHelp)
        words.append(QLatin1String(field.name) + QLatin1Char(':'));
    m_edit->setCompletionWords(words);

    m_helpButton->setObjectName(QStringLiteral("filterHelpButton"));
    m_helpButton->setAutoRaise(true);
    // The styles' fallback icons read as "close" or "download"; plain glyphs are clearer.
    if (QIcon::hasThemeIcon(QStringLiteral("help-hint")))
        m_helpButton->setIcon(QIcon::fromTheme(QStringLiteral("help-hint")));
    else
        m_helpButton->setText(QStringLiteral("?"));
    m_helpButton->setPopupMode(QToolButton::InstantPopup);
    m_helpButton->setMenu(createHelpMenu());

    m_recentButton->setObjectName(QStringLiteral("filterRecentButton"));
    m_recentButton->setAutoRaise(true);
    if (QIcon::hasThemeIcon(QStringLiteral("document-open-recent")))
        m_recentButton->setIcon(QIcon::fromTheme(QStringLiteral("document-open-recent")));
    else
        m_recentButton->setArrowType(Qt::DownArrow);
    // Drops down under the field like a combo box, not under the small button.
    connect(m_recentButton, &QToolButton::clicked, this, &FilterBar::showRecentMenu);
    m_recentMenu->setObjectName(QStringLiteral("filterRecentMenu"));

    m_countLabel->setObjectName(QStringLiteral("filterCountLabel"));
    m_countLabel->setVisible(false);
    m_cancelButton->setObjectName(QStringLiteral("filterCancelButton"));
    m_cancelButton->setAutoRaise(true);
    m_cancelButton->setIcon(QIcon::fromTheme(QStringLiteral("process-stop"),
                                             style()->standardIcon(QStyle::SP_BrowserStop)));
    m_cancelButton->setVisible(false);
    connect(m_cancelButton, &QToolButton::clicked, this, &FilterBar::cancelCountRequested);

    m_errorRow->setObjectName(QStringLiteral("filterErrorRow"));
    m_errorLabel->setObjectName(QStringLiteral("filterErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText); // the message quotes user text
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_errorIcon->setPixmap(QIcon::fromTheme(QStringLiteral("dialog-error"),
                                            style()->standardIcon(QStyle::SP_MessageBoxCritical))
                               .pixmap(iconSize, iconSize));
    m_errorIcon->setAlignment(Qt::AlignTop);
    auto *errorLayout = new QHBoxLayout(m_errorRow);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(m_errorIcon);
    errorLayout->addWidget(m_errorLabel, 1);
    m_errorRow->setVisible(false);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(2);
    row->addWidget(m_helpButton);
    row->addWidget(m_edit, 1);
    row->addWidget(m_recentButton);
    row->addSpacing(6);
    row->addWidget(m_countLabel);
    row->addWidget(m_cancelButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_errorRow);

    m_liveTimer->setSingleShot(true);
    m_liveTimer->setInterval(defaultLiveApplyDelay);
    connect(m_liveTimer, &QTimer::timeout, this, [this] {
        // Only a changed, valid filter: a pause must not re-run the same query.
        if (m_state != State::Invalid && m_filter.text() != m_applied.text())
            applyFilter(m_filter, false);
    });

    connect(m_edit, &QLineEdit::textChanged, this, &FilterBar::validate);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        if (m_liveTimer->interval() > 0)
            m_liveTimer->start();
    });
    connect(m_edit, &FilterLineEdit::enterPressed, this, &FilterBar::apply);
    connect(m_edit, &FilterLineEdit::escapePressed, this, &FilterBar::clear);
    connect(m_edit, &FilterLineEdit::downPressed, this, &FilterBar::showRecentMenu);

    setFocusProxy(m_edit);
    m_recent = RecentFilters().load();
    rebuildRecentMenu();
    retranslate();
    validate();
}

QString FilterBar::text() const
{
    return m_edit->text();
}

void FilterBar::setText(const QString &text)
{
    m_edit->setText(text);
}

QString FilterBar::errorText() const
{
    return m_state == State::Invalid ? m_filter.error().message : QString();
}

int FilterBar::liveApplyDelay() const
{
    return m_liveTimer->interval();
}

void FilterBar::setLiveApplyDelay(int milliseconds)
{
    m_liveTimer->stop();
    m_liveTimer->setInterval(qMax(0, milliseconds));
}

void FilterBar::focusFilter()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void FilterBar::apply()
{
    m_liveTimer->stop();
    if (m_state == State::Invalid) {
        // Take the user to the problem rather than silently doing nothing.
        const EventFilter::Error &error = m_filter.error();
        m_edit->setFocus(Qt::OtherFocusReason);
        m_edit->setCursorPosition(error.position);
        if (error.length > 0)
            m_edit->setSelection(error.position, error.length);
        return;
    }
    applyFilter(m_filter, true);
}

void FilterBar::clear()
{
    m_liveTimer->stop();
    m_edit->clear();
    applyFilter(m_filter, false);
}

void FilterBar::setMatchCount(qint64 matched, bool final, int percentScanned)
{
    const QString number = QLocale().toString(matched);
    if (final)
        m_countLabel->setText(matched == 1 ? tr("1 match") : tr("%1 matches").arg(number));
    else if (percentScanned >= 0)
        m_countLabel->setText(tr("counting… %1 (%2%)").arg(number).arg(percentScanned));
    else
        m_countLabel->setText(tr("counting… %1").arg(number));
    m_countLabel->setToolTip(final ? QString() : tr("Stop counting to keep the rows found so far"));
    m_countLabel->setVisible(true);
    m_cancelButton->setVisible(!final);
}

void FilterBar::setPartialMatchCount(qint64 matched, int percentScanned)
{
    m_countLabel->setText(tr("%1+ matches in the newest %2%", "count stopped by the user")
                              .arg(QLocale().toString(matched))
                              .arg(percentScanned));
    m_countLabel->setToolTip(tr("Counting was stopped; apply the filter again to count them all"));
    m_countLabel->setVisible(true);
    m_cancelButton->setVisible(false);
}

void FilterBar::clearMatchCount()
{
    m_countLabel->clear();
    m_countLabel->setVisible(false);
    m_cancelButton->setVisible(false);
}

void FilterBar::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void FilterBar::validate()
{
    m_filter = EventFilter::parse(m_edit->text());
    const State state = !m_filter.isValid()     ? State::Invalid
                        : m_filter.matchesAll() ? State::Empty
                                                : State::Valid;
    if (state == State::Invalid) {
        const EventFilter::Error &error = m_filter.error();
        m_edit->setTint(FilterLineEdit::Tint::Invalid);
        m_edit->setErrorSpan(error.position, error.length);
        m_edit->setToolTip(error.message);
        m_errorLabel->setText(error.message);
    } else {
        m_edit->setTint(state == State::Valid ? FilterLineEdit::Tint::Valid
                                              : FilterLineEdit::Tint::None);
        m_edit->setErrorSpan(-1, 0);
        m_edit->setToolTip(QString());
        m_errorLabel->clear();
    }
    m_errorRow->setVisible(state == State::Invalid);
    m_edit->setAccessibleDescription(state == State::Invalid ? m_filter.error().message
                                     : state == State::Valid ? tr("Valid filter")
                                                             : QString());
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void FilterBar::applyFilter(const EventFilter &filter, bool remember)
{
    if (!filter.isValid())
        return;
    m_applied = filter;
    if (remember && !filter.matchesAll()) {
        m_recent = RecentFilters().add(filter.text());
        rebuildRecentMenu();
    }
    Q_EMIT filterApplied(filter);
}

void FilterBar::applyText(const QString &text)
{
    m_edit->setText(text);
    m_edit->setFocus(Qt::OtherFocusReason);
    apply();
}

void FilterBar::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &filter : std::as_const(m_recent)) {
        QString label = filter;
        label.replace(QLatin1Char('&'), QLatin1String("&&")); // not a mnemonic
        m_recentMenu->addAction(label, this, [this, filter] { applyText(filter); });
    }
    if (m_recent.isEmpty()) {
        m_recentMenu->addAction(tr("No recent filters"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("Clear Recent Filters"), this, [this] {
        RecentFilters().clear();
        m_recent.clear();
        rebuildRecentMenu();
    });
}

void FilterBar::showRecentMenu()
{
    m_recentMenu->setMinimumWidth(m_edit->width());
    m_recentMenu->popup(m_edit->mapToGlobal(m_edit->rect().bottomLeft()));
}

QMenu *FilterBar::createHelpMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("filterHelpMenu"));
    menu->setToolTipsVisible(true);
    for (const char *example : examples) {
        const QString text = QLatin1String(example);
        menu->addAction(text, this, [this, text] { applyText(text); });
    }
    return menu;
}

void FilterBar::retranslate()
{
    m_edit->setPlaceholderText(tr("Filter: status:401 auth:failed path:/vwo* since:10m  (Ctrl+F)"));
    m_edit->setAccessibleName(tr("Event filter"));

    QString help = QLatin1String("<p>") +
                   tr("Type <b>field:value</b> terms; adjacent terms must all match. Combine "
                      "with <b>AND</b>, <b>OR</b>, <b>NOT</b> (or <b>-term</b>) and parentheses; "
                      "a bare word searches the path and body. Press Enter to apply.") +
                   QLatin1String("</p><table>");
    for (const FieldHelp &field : fieldHelp)
        help += QLatin1String("<tr><td><tt>") + QLatin1String(field.name) +
                QLatin1String(":</tt></td><td>") + tr(field.description).toHtmlEscaped() +
                QLatin1String("</td></tr>");
    help += QLatin1String("</table><p>") + tr("Click for examples.") + QLatin1String("</p>");
    m_helpButton->setToolTip(help);
    m_helpButton->setAccessibleName(tr("Filter syntax help"));
    m_helpButton->menu()->setTitle(tr("Filter Examples"));

    m_recentButton->setToolTip(tr("Recent filters (Down arrow in the filter field)"));
    m_recentButton->setAccessibleName(tr("Recent filters"));
    m_countLabel->setAccessibleName(tr("Match count"));
    m_cancelButton->setToolTip(tr("Stop counting matches"));
    m_cancelButton->setAccessibleName(tr("Stop counting"));
    m_errorLabel->setAccessibleName(tr("Filter error"));
    if (m_recent.isEmpty())
        rebuildRecentMenu(); // its placeholder item is translated
}

} // namespace hookbench
