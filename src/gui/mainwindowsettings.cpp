// MainWindow: the settings file — history window, fetch, account profile, and what each
// webhook caused (in the detail pane, and as the event list's Settings column).
#include "mainwindow.h"

#include "accountprofiledialog.h"
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "settings/settingssync.h"
#include "settingshistorypanel.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QString fetchSentence(const FetchRecord &fetch, const SettingsVersion &version)
{
    switch (fetch.outcome) {
    case FetchOutcome::New:
        return MainWindow::tr("New settings-file version #%1: %2")
            .arg(version.id)
            .arg(version.summary);
    case FetchOutcome::Unchanged:
        return MainWindow::tr("The settings file is unchanged (version #%1)").arg(version.id);
    case FetchOutcome::Failed:
        break;
    }
    return MainWindow::tr("Settings-file fetch failed: %1").arg(fetch.error);
}

} // namespace

void MainWindow::setSettingsSync(SettingsSync *sync)
{
    m_settingsSync = sync;
    QMenu *menu = menuBar()->addMenu(tr("Se&ttings File"));
    QAction *history = menu->addAction(QIcon::fromTheme(QStringLiteral("document-open-recent")),
                                       tr("&History…"), this, &MainWindow::showSettingsHistory);
    history->setObjectName(QStringLiteral("settingsHistoryAction"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_fetchAction = menu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")),
                                    tr("&Fetch Now"), sync, &SettingsSync::fetchNow);
    m_fetchAction->setObjectName(QStringLiteral("fetchSettingsAction"));
    m_fetchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    QAction *account = menu->addAction(tr("&Account…"), this, &MainWindow::editAccountProfile);
    account->setObjectName(QStringLiteral("accountProfileAction"));

    connect(sync, &SettingsSync::ready, this, &MainWindow::updateFetchAvailability);
    connect(sync, &SettingsSync::profileChanged, this, &MainWindow::updateFetchAvailability);
    // Queued behind a fetch in flight counts as fetching: the webhook will be served.
    const auto pending = [this](const QList<qint64> &eventIds) {
        for (const qint64 id : eventIds) {
            if (!m_fetchingFor.contains(id))
                m_fetchingFor.append(id);
        }
        m_model->updateSettingsFetch(eventIds, SettingsFetchState::Pending);
        showSettingsFetch();
    };
    connect(sync, &SettingsSync::fetchQueued, this, pending);
    connect(sync, &SettingsSync::fetchStarted, this,
            [pending](FetchTrigger, const QList<qint64> &eventIds) { pending(eventIds); });
    connect(sync, &SettingsSync::fetchProgress, this, [this](const QString &text) {
        statusBar()->showMessage(text, 10000);
        if (m_settingsPanel)
            m_settingsPanel->showFetchInProgress(text);
    });
    connect(sync, &SettingsSync::fetchRecorded, this, &MainWindow::settingsFetchRecorded);
    connect(sync, &SettingsSync::fetchNotRecorded, this,
            [this](const QList<qint64> &eventIds, const QString &error) {
                for (const qint64 id : eventIds) {
                    m_fetchingFor.removeOne(id);
                    m_unrecordedFetches.insert(id, error);
                }
                m_model->updateSettingsFetch(eventIds, SettingsFetchState::Failed);
                showSettingsFetch();
            });
    connect(sync, &SettingsSync::errorOccurred, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
        if (m_settingsPanel)
            m_settingsPanel->showFetchFailed(message);
    });
    updateFetchAvailability();
}

void MainWindow::updateFetchAvailability()
{
    const QString reason = m_settingsSync->fetchUnavailableReason();
    m_fetchAction->setEnabled(reason.isEmpty());
    m_fetchAction->setToolTip(reason.isEmpty() ? tr("Fetch the settings file from VWO now")
                                               : reason);
    if (m_settingsPanel)
        m_settingsPanel->setFetchAvailable(reason.isEmpty(), reason);
    showSettingsFetch();
}

void MainWindow::settingsFetchRecorded(const FetchRecord &fetch, const SettingsVersion &version)
{
    for (const qint64 id : fetch.eventIds)
        m_fetchingFor.removeOne(id);
    // The model keeps an earlier success of the same webhook over this failure.
    m_model->updateSettingsFetch(fetch.eventIds, fetch.outcome == FetchOutcome::Failed
                                                     ? SettingsFetchState::Failed
                                                     : SettingsFetchState::Fetched);
    const QString sentence = fetchSentence(fetch, version);
    statusBar()->showMessage(sentence, 15000);
    if (m_settingsPanel) {
        // The panel says "could not be fetched" itself.
        if (fetch.outcome == FetchOutcome::Failed)
            m_settingsPanel->showFetchFailed(fetch.error);
        else
            m_settingsPanel->showFetchDone(sentence);
    }
    if (fetch.eventIds.contains(m_detail->event().id))
        showSettingsFetch();
}

void MainWindow::showSettingsFetch()
{
    const Event &event = m_detail->event();
    if (!m_settingsSync || !m_detail->hasEvent() || !event.asksForSettingsFetch())
        return m_detail->setSettingsFetch({}, false);
    QHash<qint64, FetchRecord> fetches;
    const QString error = m_settingsSync->store()->fetchesForEvents({event.id}, &fetches);
    if (!error.isEmpty())
        return m_detail->setSettingsFetch(error, true);
    const auto found = fetches.constFind(event.id);
    // A fetch that ended before this event arrived served an earlier event with the same id
    // (ids start again after the log is cleared).
    if (found != fetches.cend() && found->finishedAt >= event.receivedAt) {
        SettingsVersion version;
        if (found->versionId > 0)
            m_settingsSync->store()->version(found->versionId, &version);
        return m_detail->setSettingsFetch(fetchSentence(*found, version),
                                          found->outcome == FetchOutcome::Failed);
    }
    if (m_fetchingFor.contains(event.id))
        return m_detail->setSettingsFetch(tr("Fetching the settings file…"), false);
    if (const auto unrecorded = m_unrecordedFetches.constFind(event.id);
        unrecorded != m_unrecordedFetches.cend())
        return m_detail->setSettingsFetch(
            tr("A settings-file fetch ran for this webhook, but the history could not record "
               "it: %1")
                .arg(*unrecorded),
            true);
    const AccountProfile profile = m_settingsSync->profile();
    if (!profile.isSet())
        return m_detail->setSettingsFetch(
            tr("Not fetched: no settings-file account is set up (Settings File > Account…)"), true);
    if (!profile.autoFetch)
        return m_detail->setSettingsFetch(tr("Not fetched: automatic fetching is off"), true);
    m_detail->setSettingsFetch(tr("Not fetched: no fetch was recorded for this webhook"), true);
}

void MainWindow::showSettingsHistory()
{
    if (!m_settingsDialog) {
        // Not modal: the history follows fetches while webhooks arrive.
        m_settingsDialog = new QDialog(this);
        m_settingsDialog->setObjectName(QStringLiteral("settingsHistoryDialog"));
        m_settingsDialog->setWindowTitle(tr("Settings-File History"));
        m_settingsPanel = new SettingsHistoryPanel(m_settingsSync->store(), m_settingsDialog);
        m_settingsPanel->setEndpoint(m_settingsSync->endpoint());
        connect(m_settingsPanel, &SettingsHistoryPanel::fetchRequested, m_settingsSync,
                &SettingsSync::fetchNow);
        connect(m_settingsPanel, &SettingsHistoryPanel::profileRequested, this,
                &MainWindow::editAccountProfile);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_settingsDialog);
        connect(buttons, &QDialogButtonBox::rejected, m_settingsDialog, &QDialog::hide);
        auto *layout = new QVBoxLayout(m_settingsDialog);
        layout->addWidget(m_settingsPanel, 1);
        layout->addWidget(buttons);
        m_settingsDialog->resize(1000, 640);
        updateFetchAvailability();
    }
    m_settingsPanel->reload();
    m_settingsDialog->show();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
}

void MainWindow::editAccountProfile()
{
    auto *dialog = new AccountProfileDialog(m_settingsSync, this);
    dialog->setObjectName(QStringLiteral("accountProfileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace hookbench
