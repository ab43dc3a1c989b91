#include "settingshistorypanel.h"

#include "inlinemessage.h"
#include "placeholderwidget.h"
#include "sentences.h"
#include "settingsfetchlog.h"
#include "settingsfetchmodel.h"
#include "settingshistorymodel.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hookbench {

namespace {

const QString DefaultEndpoint = QStringLiteral("default");

QPushButton *button(const QString &name, const QString &icon, const QString &text, QWidget *parent)
{
    auto *button = new QPushButton(QIcon::fromTheme(icon), text, parent);
    button->setObjectName(name);
    return button;
}

InlineMessage *message(const QString &name, QWidget *parent)
{
    auto *message = new InlineMessage(parent);
    message->setObjectName(name);
    message->setCloseButtonVisible(true);
    message->hide();
    return message;
}

} // namespace

SettingsHistoryPanel::SettingsHistoryPanel(SettingsVersionStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_endpoint(DefaultEndpoint)
    , m_historyModel(new SettingsHistoryModel(store, m_endpoint, this))
    , m_fetchModel(new SettingsFetchModel(store, m_endpoint, this))
    , m_fetchMessage(message(QStringLiteral("fetchMessage"), this))
    , m_resultMessage(message(QStringLiteral("resultMessage"), this))
    , m_compareMessage(message(QStringLiteral("compareMessage"), this))
    , m_dropMessage(message(QStringLiteral("dropMessage"), this))
    , m_lastDir(QDir::homePath())
{
    setObjectName(QStringLiteral("settingsHistoryPanel"));
    setWindowTitle(tr("Settings History"));
    setAcceptDrops(true);
    m_dropMessage->setCloseButtonVisible(false);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(createVersionsPage());
    m_emptyPage = new PlaceholderWidget(this);
    m_emptyPage->setObjectName(QStringLiteral("emptyState"));
    m_pages->addWidget(m_emptyPage);

    m_fetchLog = new SettingsFetchLog(m_fetchModel, this);
    // Folded unless the last fetch failed: then the log is where the answer is.
    m_fetchLog->setExpanded(m_fetchModel->fetchAt(0).outcome == FetchOutcome::Failed &&
                            m_fetchModel->rowCount() > 0);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_pages);
    m_splitter->addWidget(m_fetchLog);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    connect(m_fetchLog, &SettingsFetchLog::expandedChanged, this, [this](bool expanded) {
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        // Unfolded from one line high: give it a useful share instead of that line.
        if (expanded && sizes.value(1) < total / 4)
            m_splitter->setSizes({total * 3 / 5, total * 2 / 5});
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // the tab or dock around it has its own
    layout->setSpacing(6);
    layout->addWidget(createHeader());
    layout->addWidget(m_fetchMessage);
    layout->addWidget(m_resultMessage);
    layout->addWidget(m_compareMessage);
    layout->addWidget(m_dropMessage);
    layout->addWidget(m_splitter, 1);

    connect(m_historyModel, &QAbstractItemModel::modelReset, this,
            &SettingsHistoryPanel::updatePage);
    connect(m_historyModel, &QAbstractItemModel::rowsInserted, this,
            &SettingsHistoryPanel::updatePage);
    connect(m_historyModel, &SettingsHistoryModel::errorOccurred, this,
            &SettingsHistoryPanel::storeFailed);
    connect(m_fetchModel, &SettingsFetchModel::errorOccurred, this,
            &SettingsHistoryPanel::storeFailed);
    // The models read once before these connections existed.
    if (!m_historyModel->lastError().isEmpty())
        storeFailed(m_historyModel->lastError());
    updateEndpointChoices();
    updatePage();
    updateFetchButton();
}

SettingsHistoryPanel::~SettingsHistoryPanel() = default;

QWidget *SettingsHistoryPanel::createHeader()
{
    auto *header = new QWidget(this);
    m_currentLabel = new QLabel(header);
    m_currentLabel->setObjectName(QStringLiteral("currentVersionLabel"));
    m_currentLabel->setTextFormat(Qt::RichText);
    m_currentLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_currentLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_fetchButton = button(QStringLiteral("fetchButton"), QStringLiteral("view-refresh"),
                           tr("&Fetch Now"), header);
    m_importButton = button(QStringLiteral("importButton"), QStringLiteral("document-import"),
                            tr("&Import…"), header);
    m_importButton->setToolTip(tr("Add settings files to the history (you can also drop them "
                                  "here)"));
    m_exportButton = button(QStringLiteral("exportButton"), QStringLiteral("document-export"),
                            tr("E&xport…"), header);
    m_compareButton = button(QStringLiteral("compareButton"), QStringLiteral("document-compare"),
                             tr("&Compare"), header);
    m_profileButton = button(QStringLiteral("profileButton"), QStringLiteral("user-identity"),
                             tr("&Account…"), header);
    m_profileButton->setToolTip(tr("The VWO account id and SDK key the settings file is fetched "
                                   "with"));
    connect(m_fetchButton, &QPushButton::clicked, this, &SettingsHistoryPanel::fetchRequested);
    connect(m_importButton, &QPushButton::clicked, this, &SettingsHistoryPanel::importWithDialog);
    connect(m_exportButton, &QPushButton::clicked, this, &SettingsHistoryPanel::exportSelected);
    connect(m_compareButton, &QPushButton::clicked, this, &SettingsHistoryPanel::compareSelected);
    connect(m_profileButton, &QPushButton::clicked, this, &SettingsHistoryPanel::profileRequested);

    QComboBox *chooser = createEndpointChooser(header);
    QPushButton *compareEndpoint = createEndpointCompareButton(header);

    auto *top = new QHBoxLayout;
    top->addWidget(m_endpointLabel);
    top->addWidget(chooser);
    top->addWidget(m_currentLabel, 1);
    top->addWidget(m_profileButton);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_fetchButton);
    buttons->addWidget(m_importButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_compareButton);
    buttons->addWidget(compareEndpoint);
    buttons->addWidget(m_exportButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addLayout(buttons);
    return header;
}

QWidget *SettingsHistoryPanel::createVersionsPage()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("versionsTable"));
    m_table->setAccessibleName(tr("Settings-file versions"));
    m_table->setModel(m_historyModel);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView *header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setMinimumSectionSize(40);
    for (int column = 0; column < SettingsHistoryModel::ColumnCount; ++column) {
        header->setSectionResizeMode(column, column == SettingsHistoryModel::ChangeColumn
                                                 ? QHeaderView::Stretch
                                                 : QHeaderView::ResizeToContents);
    }

    m_compareAction = new QAction(QIcon::fromTheme(QStringLiteral("document-compare")),
                                  tr("Compare Selected Versions"), this);
    m_compareWithPreviousAction = new QAction(tr("Compare with Previous Version"), this);
    m_exportAction =
        new QAction(QIcon::fromTheme(QStringLiteral("document-export")), tr("Export…"), this);
    connect(m_compareAction, &QAction::triggered, this, &SettingsHistoryPanel::compareSelected);
    connect(m_compareWithPreviousAction, &QAction::triggered, this,
            &SettingsHistoryPanel::compareWithPrevious);
    connect(m_exportAction, &QAction::triggered, this, &SettingsHistoryPanel::exportSelected);
    createEndpointCompareAction();
    m_table->addActions(
        {m_compareAction, m_compareWithPreviousAction, m_compareEndpointAction, m_exportAction});
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    // Double-click: what changed in this version, the question asked most.
    connect(m_table, &QTableView::activated, this, &SettingsHistoryPanel::compareWithPrevious);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SettingsHistoryPanel::updateActions);
    return m_table;
}

void SettingsHistoryPanel::reload()
{
    m_historyModel->reload();
    m_fetchModel->reload();
    updateEndpointChoices(); // a first version may add an endpoint
    updatePage();
}

void SettingsHistoryPanel::setFetchAvailable(bool available, const QString &reason)
{
    m_fetchAvailable = available;
    m_fetchUnavailableReason = reason;
    updateFetchButton();
}

void SettingsHistoryPanel::updateFetchButton()
{
    m_fetchButton->setEnabled(m_fetchAvailable && !m_fetchRunning);
    if (!m_fetchAvailable) {
        m_fetchButton->setToolTip(m_fetchUnavailableReason.isEmpty()
                                      ? tr("Fetching is not available")
                                      : m_fetchUnavailableReason);
    } else if (m_fetchRunning) {
        m_fetchButton->setToolTip(tr("A fetch is running"));
    } else {
        m_fetchButton->setToolTip(tr("Fetch the settings file from VWO now"));
    }
    m_fetchButton->setAccessibleDescription(m_fetchButton->toolTip());
    // The empty state tells the user to fetch: when that cannot work yet, it says why.
    QString hint = tr("Fetch now, import a file, or send a webhook once auto-fetch is on. You can "
                      "also drop .json settings files here.");
    if (!m_fetchAvailable && !m_fetchUnavailableReason.isEmpty())
        hint += QLatin1Char('\n') + m_fetchUnavailableReason;
    m_emptyPage->setContent(tr("No settings-file versions yet."), hint);
}

void SettingsHistoryPanel::showFetchInProgress(const QString &text)
{
    m_fetchRunning = true;
    m_fetchMessage->setType(InlineMessage::Information);
    m_fetchMessage->setCloseButtonVisible(false);
    m_fetchMessage->setText(text);
    m_fetchMessage->show();
    updateFetchButton();
}

void SettingsHistoryPanel::showFetchFailed(const QString &error)
{
    m_fetchRunning = false;
    m_fetchMessage->setType(InlineMessage::Error);
    m_fetchMessage->setCloseButtonVisible(true);
    m_fetchMessage->setText(tr("The settings file could not be fetched: %1").arg(error));
    m_fetchMessage->show();
    updateFetchButton();
    reload();
    m_fetchLog->setExpanded(true); // where the failure is, with its attempts
}

void SettingsHistoryPanel::showFetchDone(const QString &text)
{
    m_fetchRunning = false;
    m_fetchMessage->setType(InlineMessage::Information);
    m_fetchMessage->setCloseButtonVisible(true);
    m_fetchMessage->setText(text);
    m_fetchMessage->show();
    updateFetchButton();
    reload();
}

void SettingsHistoryPanel::updatePage()
{
    const bool empty = m_historyModel->rowCount() == 0;
    m_pages->setCurrentWidget(empty ? static_cast<QWidget *>(m_emptyPage) : m_table);
    updateHeader();
    updateActions();
}

void SettingsHistoryPanel::updateHeader()
{
    const SettingsVersion current = m_historyModel->versionAt(0);
    const QString endpoint =
        tr("endpoint %1", "settings history header").arg(m_endpoint.toHtmlEscaped());
    if (current.isNull()) {
        m_currentLabel->setText(tr("<b>No version yet</b> · %1").arg(endpoint));
        m_currentLabel->setToolTip({});
        return;
    }
    const QString account = current.accountId.isEmpty() ? tr("(none)", "account id")
                                                        : current.accountId.toHtmlEscaped();
    m_currentLabel->setText(tr("Current version <b>#%1</b> · account <b>%2</b> · %3, %4 · %5",
                               "settings history header: version, account, time, trigger, endpoint")
                                .arg(current.id)
                                .arg(account, SettingsHistoryModel::timeText(current.createdAt),
                                     SettingsHistoryModel::triggerText(current.trigger), endpoint));
    m_currentLabel->setToolTip(current.summary);
}

QList<qint64> SettingsHistoryPanel::selectedVersionIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        ids.append(m_historyModel->versionAt(row.row()).id);
    std::sort(ids.begin(), ids.end(), std::greater<qint64>());
    return ids;
}

void SettingsHistoryPanel::selectVersions(const QList<qint64> &ids)
{
    QItemSelection selection;
    int lastRow = -1;
    for (qint64 id : ids) {
        const int row = m_historyModel->rowOfId(id);
        if (row < 0)
            continue;
        selection.select(m_historyModel->index(row, 0),
                         m_historyModel->index(row, SettingsHistoryModel::ColumnCount - 1));
        lastRow = row;
    }
    QItemSelectionModel *model = m_table->selectionModel();
    model->select(selection, QItemSelectionModel::ClearAndSelect);
    if (lastRow >= 0) {
        model->setCurrentIndex(m_historyModel->index(lastRow, 0), QItemSelectionModel::NoUpdate);
        m_table->scrollTo(m_historyModel->index(lastRow, 0));
    }
}

void SettingsHistoryPanel::updateActions()
{
    const QList<qint64> ids = selectedVersionIds();
    const bool two = ids.size() == 2;
    const bool one = ids.size() == 1;
    m_compareButton->setEnabled(two);
    m_compareAction->setEnabled(two);
    m_compareButton->setToolTip(
        two ? tr("Summarize what changed from #%1 to #%2").arg(ids.at(1)).arg(ids.at(0))
            : tr("Select exactly two versions (Ctrl+click) to compare "
                 "them"));
    m_compareWithPreviousAction->setEnabled(one && previousVersionId(ids.at(0)) != 0);
    const bool otherEndpoint = m_endpointChoices.size() > 1 && endpointCompareVersionId() > 0;
    m_compareEndpointButton->setEnabled(otherEndpoint);
    m_compareEndpointAction->setEnabled(otherEndpoint);
    m_compareEndpointButton->setToolTip(
        m_endpointChoices.size() < 2 ? tr("There is no other endpoint to compare with")
        : otherEndpoint
            ? tr("Compare version #%1 of %2 with the current version of another endpoint")
                  .arg(endpointCompareVersionId())
                  .arg(m_endpoint)
            : tr("Select one version, or none for the current one, to compare it with another "
                 "endpoint's"));
    m_exportButton->setEnabled(one);
    m_exportAction->setEnabled(one);
    m_exportButton->setToolTip(
        one ? tr("Save version #%1 exactly as it was received").arg(ids.at(0))
            : tr("Select one version to export it"));
}

void SettingsHistoryPanel::showResult(const QString &text, int type)
{
    m_resultMessage->setType(InlineMessage::Type(type));
    m_resultMessage->setText(text);
    m_resultMessage->show();
}

void SettingsHistoryPanel::storeFailed(const QString &error)
{
    showResult(tr("The settings history cannot be read: %1").arg(asSentence(error)),
               InlineMessage::Error);
}

} // namespace hookbench
