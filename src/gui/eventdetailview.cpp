#include "eventdetailview.h"

#include "auth/keysecret.h"
#include "eventdetailbodyview.h"
#include "eventdetailtext.h"
#include "eventforwardview.h"
#include "export/curlexport.h"
#include "inlinemessage.h"
#include "placeholderwidget.h"
#include "statuscolours.h"

#include <QAction>
#include <QClipboard>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace hookbench {

namespace {

bool isSecretHeader(const QByteArray &name)
{
    return name.compare("x-vwo-auth", Qt::CaseInsensitive) == 0;
}

QTableWidget *createTable(const QString &objectName, const QStringList &columns, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(columns.size()), parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels(columns);
    table->verticalHeader()->hide();
    // Compact rows like the event table: headers are many and short.
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false); // Tab leaves the table, arrows move inside
    // Ctrl+C (and the context menu) copy the selected rows as "name: value" lines.
    auto *copy =
        new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")),
                    QCoreApplication::translate("hookbench::EventDetailView", "&Copy"), table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    QObject::connect(copy, &QAction::triggered, table, [table] {
        QStringList lines;
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        for (const QModelIndex &row : rows) {
            lines.append(table->item(row.row(), 0)->text() + QLatin1String(": ") +
                         table->item(row.row(), 1)->text());
        }
        if (!lines.isEmpty())
            QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    table->addAction(copy);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    return table;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text.size() > 60 ? text.left(2000) : QString());
    return item;
}

QLabel *valueLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(objectName));
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

EventDetailView::EventDetailView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new PlaceholderWidget(m_stack))
    , m_title(new QLabel(this))
    , m_reveal(new QPushButton(this))
    , m_copyBody(new QPushButton(this))
    , m_copyCurl(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
    , m_outcome(new InlineMessage(this))
    , m_form(new QFormLayout)
    , m_headers(createTable(QStringLiteral("headersTable"), {tr("Name"), tr("Value")}, this))
    , m_queryStack(new QStackedWidget(this))
    , m_query(createTable(QStringLiteral("queryTable"), {tr("Name"), tr("Value")}, this))
    , m_body(new EventDetailBodyView(this))
    , m_forward(new EventForwardView(this))
{
    setObjectName(QStringLiteral("eventDetail"));
    m_placeholder->setContent(tr("No request selected"),
                              tr("Select a request to see its details."));

    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    // Long paths must not widen the pane; the tooltip has the whole line.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_reveal->setObjectName(QStringLiteral("revealSecrets"));
    m_reveal->setText(tr("&Reveal Secrets"));
    m_reveal->setCheckable(true);
    m_reveal->setIcon(QIcon::fromTheme(QStringLiteral("view-visible")));
    m_reveal->setToolTip(tr("Show the x-vwo-auth key in Headers and in \"Copy as curl\""));
    m_reveal->setAccessibleName(tr("Reveal secrets"));
    connect(m_reveal, &QPushButton::toggled, this, &EventDetailView::setSecretsRevealed);

    m_copyBody->setObjectName(QStringLiteral("copyBody"));
    m_copyBody->setText(tr("Copy &Body"));
    m_copyBody->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copyBody->setToolTip(tr("Copy the request body exactly as it was received"));
    connect(m_copyBody, &QPushButton::clicked, this, &EventDetailView::copyBody);

    m_copyCurl->setObjectName(QStringLiteral("copyCurl"));
    m_copyCurl->setText(tr("Copy as c&url"));
    m_copyCurl->setIcon(QIcon::fromTheme(QStringLiteral("utilities-terminal")));
    m_copyCurl->setToolTip(tr("Copy a curl command that sends this request again. Unless "
                              "secrets are revealed, it reads the key from $VWO_AUTH."));
    connect(m_copyCurl, &QPushButton::clicked, this, &EventDetailView::copyAsCurl);

    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->setAccessibleName(tr("Request details"));
    m_tabs->addTab(createOverviewPage(), tr("&Overview"));
    m_tabs->addTab(createHeadersPage(), tr("&Headers"));
    m_tabs->addTab(createQueryPage(), tr("&Query"));
    m_tabs->addTab(m_body, tr("Bo&dy"));
    m_body->setAccessibleName(tr("Body"));
    m_tabs->addTab(m_forward, tr("A&pp's Answer")); // shown for forwarded webhooks only
    m_forward->setAccessibleName(tr("The app's answer"));

    auto *content = new QWidget(m_stack);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_title, 1);
    actions->addWidget(m_reveal);
    actions->addWidget(m_copyBody);
    actions->addWidget(m_copyCurl);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(6, 6, 6, 6);
    contentLayout->addLayout(actions);
    contentLayout->addWidget(m_tabs, 1);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

QWidget *EventDetailView::createOverviewPage()
{
    auto *page = new QWidget;
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_outcome->setCloseButtonVisible(false);
    m_outcome->setAccessibleName(tr("Outcome"));
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignTop);
    const std::pair<const char *, QString> rows[] = {
        {"overviewRequest", tr("Request:")},        {"overviewStatus", tr("Status:")},
        {"overviewReceived", tr("Received:")},      {"overviewRemote", tr("From:")},
        {"overviewEndpoint", tr("Endpoint:")},      {"overviewSize", tr("Size:")},
        {"overviewHandling", tr("Handling time:")}, {"overviewAuth", tr("Authentication:")},
        {"overviewPayload", tr("Payload:")},        {"overviewDelivery", tr("Delivery:")},
        {"overviewSettings", tr("Settings file:")}, {"overviewForward", tr("Forwarded:")},
    };
    for (const auto &[name, label] : rows) {
        QLabel *value = valueLabel(name, page);
        value->setAccessibleName(QString(label).remove(QLatin1Char(':')));
        m_form->addRow(label, value);
    }
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_outcome);
    layout->addSpacing(6);
    layout->addLayout(m_form);
    layout->addStretch();
    // Narrow panes scroll instead of squeezing the form.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("overviewPage"));
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QWidget *EventDetailView::createHeadersPage()
{
    m_headers->setAccessibleName(tr("Request headers"));
    return m_headers;
}

QWidget *EventDetailView::createQueryPage()
{
    m_query->setAccessibleName(tr("Query parameters"));
    auto *empty = new QLabel(tr("No query parameters"), m_queryStack);
    empty->setObjectName(QStringLiteral("queryEmpty"));
    empty->setAlignment(Qt::AlignCenter);
    QPalette dimmed = empty->palette();
    dimmed.setColor(QPalette::WindowText, dimmed.color(QPalette::PlaceholderText));
    empty->setPalette(dimmed);
    m_queryStack->addWidget(empty);
    m_queryStack->addWidget(m_query);
    return m_queryStack;
}

QString EventDetailView::maskedValue()
{
    return QString(8, QChar(0x2022)); // fixed length: the mask tells nothing about the key
}

void EventDetailView::setEvent(const Event &event)
{
    m_event = event;
    m_hasEvent = true;
    resetSecret();
    fillOverview();
    setDeliveryPosition(1, 1);
    setSettingsFetch({}, false);
    fillForward();
    fillHeaders();
    fillQuery();
    m_body->setBody(event.body);
    updateActions();
    m_stack->setCurrentIndex(1);
}

void EventDetailView::clear()
{
    m_event = Event();
    m_hasEvent = false;
    resetSecret();
    m_headers->setRowCount(0);
    m_query->setRowCount(0);
    m_body->clear();
    fillForward();
    updateActions();
    m_stack->setCurrentWidget(m_placeholder);
}

void EventDetailView::fillOverview()
{
    const Event &e = m_event;
    // A follow-mode webhook waiting for the app's answer is no failure (yet).
    const bool success = EventDetailText::isSuccess(e) || e.forwardState == ForwardState::Pending;
    m_outcome->setType(success ? InlineMessage::Information : InlineMessage::Error);
    m_outcome->setText(EventDetailText::outcome(e));
    const QString request = EventDetailText::requestLine(e);
    m_title->setText(request);
    m_title->setToolTip(request);
    const auto set = [this](const char *name, const QString &text) {
        findChild<QLabel *>(QLatin1String(name))->setText(text);
    };
    set("overviewRequest", request);
    set("overviewStatus", EventDetailText::status(e.status));
    set("overviewReceived", EventDetailText::receivedAt(e.receivedAt));
    set("overviewRemote", EventDetailText::remote(e));
    set("overviewEndpoint", e.endpoint);
    QString size = EventDetailText::size(e.size);
    if (!e.body.isEmpty())
        size +=
            QStringLiteral(" \u2014 ") + tr("body: %1").arg(EventDetailText::size(e.body.size()));
    set("overviewSize", size);
    set("overviewHandling", EventDetailText::duration(e.handlingMicros));
    set("overviewAuth", EventDetailText::auth(e));
    set("overviewPayload", EventDetailText::payload(e));
}

void EventDetailView::setDeliveryPosition(int attempt, int attempts)
{
    auto *value = findChild<QLabel *>(QStringLiteral("overviewDelivery"));
    const bool shown = attempts > 1;
    m_form->setRowVisible(value, shown);
    if (!shown)
        return;
    if (attempt < attempts)
        value->setText(tr("Attempt %1 of %2: VWO sent this webhook again after it")
                           .arg(attempt)
                           .arg(attempts));
    else if (m_event.status == 200)
        value->setText(
            tr("Attempt %1 of %2, the one that was accepted").arg(attempt).arg(attempts));
    else
        value->setText(tr("Attempt %1 of %2, the latest: VWO retries every 1-2 s for an hour "
                          "until it gets 200")
                           .arg(attempt)
                           .arg(attempts));
}

void EventDetailView::setSettingsFetch(const QString &text, bool problem)
{
    auto *value = findChild<QLabel *>(QStringLiteral("overviewSettings"));
    m_form->setRowVisible(value, !text.isEmpty());
    // A webhook that led to no settings file is the case to notice: marked, not only told.
    value->setText(problem ? QStringLiteral("\u26a0 ") + text : text);
    QPalette palette = this->palette();
    if (problem)
        palette.setColor(QPalette::WindowText, failureTextColour(palette));
    value->setPalette(palette);
}

void EventDetailView::fillHeaders()
{
    m_headers->setRowCount(int(m_event.headers.size()));
    int row = 0;
    for (const auto &[name, value] : std::as_const(m_event.headers)) {
        m_headers->setItem(row, 0, cell(QString::fromLatin1(name)));
        const QString text = QString::fromUtf8(value);
        const bool secret = isSecretHeader(name) && !value.isEmpty();
        const bool masked = secret && !m_revealed;
        QTableWidgetItem *valueItem = cell(masked ? maskedValue() : text);
        if (masked)
            valueItem->setToolTip(tr("Hidden: use \"Reveal Secrets\" to show it"));
        else if (secret && m_secretState == SecretState::Pending)
            valueItem->setText(tr("reading key %1 from the key ring\u2026").arg(m_secretKeyId));
        else if (secret && m_secretState == SecretState::Failed)
            valueItem->setToolTip(tr("Only the key's fingerprint was stored, and the key ring "
                                     "cannot give its value: %1")
                                      .arg(m_secretError));
        else if (secret && m_secretState == SecretState::Stored &&
                 !webhookkey::redactedFingerprint(value).isEmpty())
            valueItem->setToolTip(tr("The receiver stored only this fingerprint: the value "
                                     "did not match any key, and was not kept"));
        m_headers->setItem(row, 1, valueItem);
        ++row;
    }
    m_headers->resizeColumnToContents(0);
}

void EventDetailView::fillQuery()
{
    // The query part is raw bytes; '+' stays '+' (it only means space in HTML forms).
    const QUrlQuery query(QString::fromUtf8(m_event.query));
    const auto items = query.queryItems(QUrl::FullyDecoded);
    m_query->setRowCount(int(items.size()));
    int row = 0;
    for (const auto &[name, value] : items) {
        m_query->setItem(row, 0, cell(name));
        m_query->setItem(row, 1, cell(value));
        ++row;
    }
    m_query->resizeColumnToContents(0);
    m_queryStack->setCurrentIndex(items.isEmpty() ? 0 : 1);
}

void EventDetailView::updateActions()
{
    bool hasSecret = false;
    for (const auto &header : std::as_const(m_event.headers))
        hasSecret = hasSecret || (isSecretHeader(header.first) && !header.second.isEmpty());
    m_reveal->setEnabled(m_hasEvent && hasSecret);
    m_copyCurl->setEnabled(m_hasEvent);
    m_copyBody->setEnabled(m_hasEvent && !m_event.body.isEmpty());
}

void EventDetailView::copyBody()
{
    if (!m_hasEvent || m_event.body.isEmpty())
        return;
    // Text for editors, and the exact bytes for anything that takes them.
    auto *mime = new QMimeData;
    mime->setText(QString::fromUtf8(m_event.body));
    mime->setData(QStringLiteral("application/octet-stream"), m_event.body);
    QGuiApplication::clipboard()->setMimeData(mime);
    Q_EMIT copied(tr("Copied the body (%1)").arg(EventDetailText::size(m_event.body.size())));
}

} // namespace hookbench
