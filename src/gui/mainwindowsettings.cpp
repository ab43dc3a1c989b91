// MainWindow: the settings file of each endpoint — history window, fetch, account profile, and
// what each webhook caused (in the detail pane, and as the event list's Settings column).
#include "mainwindow.h"

#include "accountprofiledialog.h"
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "settings/settingssync.h"
#include "settings/settingssyncset.h"
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

const QString DefaultEndpoint = QStringLiteral("default");

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

// "staging: Fetching the settings file…", once there is more than one endpoint.
QString withEndpoint(const SettingsSyncSet *syncs, const QString &endpoint, const QString &text)
{
    if (syncs->endpoints().size() < 2)
        return text;
    return MainWindow::tr("%1: %2", "endpoint: settings-file message").arg(endpoint, text);
}

} // namespace

void MainWindow::setSettingsSyncs(SettingsSyncSet *syncs)
{
    m_settingsSyncs = syncs;
    m_settingsEndpoint = syncs->contains(DefaultEndpoint)
                             ? DefaultEndpoint
                             : syncs->endpoints().value(0, DefaultEndpoint);
    auto *menu = new QMenu(tr("Se&ttings File"), this);
    menuBar()->insertMenu(m_helpMenu->menuAction(), menu); // Help stays last
    QAction *history = menu->addAction(QIcon::fromTheme(QStringLiteral("document-open-recent")),
                                       tr("&History…"), this, &MainWindow::showSettingsHistory);
    history->setObjectName(QStringLiteral("settingsHistoryAction"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    m_fetchAction =
        menu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Fetch Now"), this,
                        [this] { m_settingsSyncs->fetchNow(m_settingsEndpoint); });
    m_fetchAction->setObjectName(QStringLiteral("fetchSettingsAction"));
    m_fetchAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_accountAction = menu->addAction(tr("&Account…"), this, &MainWindow::editAccountProfile);
    m_accountAction->setObjectName(QStringLiteral("accountProfileAction"));
    if (m_settingsSyncs->contains(currentEndpoint()))
        m_settingsEndpoint = currentEndpoint();

    // The endpoint chosen in the sidebar is the one the menu is about ("" is all of them).
    const auto follow = [this](const QString &endpoint) {
        if (!endpoint.isEmpty() && m_settingsSyncs->contains(endpoint))
            chooseSettingsEndpoint(endpoint);
    };
    connect(this, &MainWindow::currentEndpointChanged, this, follow);
    connect(syncs, &SettingsSyncSet::ready, this, &MainWindow::updateFetchAvailability);
    connect(syncs, &SettingsSyncSet::profileChanged, this, &MainWindow::updateFetchAvailability);
    connect(syncs, &SettingsSyncSet::endpointsChanged, this, [this](const QStringList &names) {
        if (!names.contains(m_settingsEndpoint) && !names.isEmpty())
            chooseSettingsEndpoint(names.contains(DefaultEndpoint) ? DefaultEndpoint
                                                                   : names.first());
        if (m_settingsPanel)
            m_settingsPanel->setEndpoints(names);
        updateFetchAvailability();
    });
    // Queued behind a fetch in flight counts as fetching: the webhook will be served.
    const auto pending = [this](const QList<qint64> &eventIds) {
        for (const qint64 id : eventIds) {
            if (!m_fetchingFor.contains(id))
                m_fetchingFor.append(id);
        }
        m_model->updateSettingsFetch(eventIds, SettingsFetchState::Pending);
        showSettingsFetch();
    };
    connect(syncs, &SettingsSyncSet::fetchQueued, this,
            [pending](const QString &, const QList<qint64> &eventIds) { pending(eventIds); });
    connect(syncs, &SettingsSyncSet::fetchStarted, this,
            [pending](const QString &, FetchTrigger, const QList<qint64> &eventIds) {
                pending(eventIds);
            });
    connect(syncs, &SettingsSyncSet::fetchProgress, this,
            [this](const QString &endpoint, const QString &text) {
                statusBar()->showMessage(withEndpoint(m_settingsSyncs, endpoint, text), 10000);
                if (m_settingsPanel && m_settingsPanel->endpoint() == endpoint)
                    m_settingsPanel->showFetchInProgress(text);
            });
    connect(syncs, &SettingsSyncSet::fetchRecorded, this, &MainWindow::settingsFetchRecorded);
    connect(syncs, &SettingsSyncSet::fetchNotRecorded, this,
            [this](const QString &, const QList<qint64> &eventIds, const QString &error) {
                for (const qint64 id : eventIds) {
                    m_fetchingFor.removeOne(id);
                    m_unrecordedFetches.insert(id, error);
                }
                m_model->updateSettingsFetch(eventIds, SettingsFetchState::Failed);
                showSettingsFetch();
            });
    connect(syncs, &SettingsSyncSet::errorOccurred, this,
            [this](const QString &endpoint, const QString &message) {
                statusBar()->showMessage(withEndpoint(m_settingsSyncs, endpoint, message), 15000);
                if (m_settingsPanel && m_settingsPanel->endpoint() == endpoint)
                    m_settingsPanel->showFetchFailed(message);
            });
    updateFetchAvailability();
}

SettingsSync *MainWindow::chosenSettingsSync() const
{
    return m_settingsSyncs ? m_settingsSyncs->sync(m_settingsEndpoint) : nullptr;
}

void MainWindow::chooseSettingsEndpoint(const QString &endpoint)
{
    m_settingsEndpoint = endpoint;
    if (m_settingsPanel)
        m_settingsPanel->setEndpoint(endpoint); // no-op when it made the choice
    updateFetchAvailability();
}

void MainWindow::updateFetchAvailability()
{
    const SettingsSync *sync = chosenSettingsSync();
    const QString reason =
        sync ? sync->fetchUnavailableReason()
             : tr("Endpoint \"%1\" no longer exists: its history is kept, but nothing is fetched "
                  "for it.")
                   .arg(m_settingsEndpoint);
    const bool several = m_settingsSyncs->endpoints().size() > 1;
    m_fetchAction->setText(several ? tr("&Fetch Now (%1)").arg(m_settingsEndpoint)
                                   : tr("&Fetch Now"));
    m_fetchAction->setEnabled(reason.isEmpty());
    m_fetchAction->setToolTip(reason.isEmpty() ? tr("Fetch the settings file from VWO now")
                                               : reason);
    m_accountAction->setText(several ? tr("&Account of %1…").arg(m_settingsEndpoint)
                                     : tr("&Account…"));
    m_accountAction->setEnabled(sync != nullptr);
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
    statusBar()->showMessage(withEndpoint(m_settingsSyncs, fetch.endpoint, sentence), 15000);
    if (m_settingsPanel && m_settingsPanel->endpoint() == fetch.endpoint) {
        // The panel says "could not be fetched" itself.
        if (fetch.outcome == FetchOutcome::Failed)
            m_settingsPanel->showFetchFailed(fetch.error);
        else
            m_settingsPanel->showFetchDone(sentence);
    } else if (m_settingsPanel) {
        m_settingsPanel->setEndpoints(m_settingsSyncs->endpoints()); // its compare menu
    }
    if (fetch.eventIds.contains(m_detail->shownEvent().id))
        showSettingsFetch();
}

void MainWindow::showSettingsFetch()
{
    const Event &event = m_detail->shownEvent();
    if (!m_settingsSyncs || !m_detail->hasEvent() || !event.asksForSettingsFetch())
        return m_detail->setSettingsFetch({}, false);
    const SettingsVersionStore *store = m_settingsSyncs->store();
    QHash<qint64, FetchRecord> fetches;
    const QString error = store->fetchesForEvents({event.id}, &fetches);
    if (!error.isEmpty())
        return m_detail->setSettingsFetch(error, true);
    const auto found = fetches.constFind(event.id);
    // A fetch that ended before this event arrived served an earlier event with the same id
    // (ids start again after the log is cleared).
    if (found != fetches.cend() && found->finishedAt >= event.receivedAt) {
        SettingsVersion version;
        if (found->versionId > 0)
            store->version(found->versionId, &version);
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
    const SettingsSync *sync = m_settingsSyncs->sync(event.endpoint);
    if (!sync)
        return m_detail->setSettingsFetch(
            tr("Not fetched: endpoint \"%1\" no longer exists").arg(event.endpoint), true);
    const AccountProfile profile = sync->profile();
    if (!profile.isSet() && m_settingsSyncs->endpoints().size() > 1)
        return m_detail->setSettingsFetch(
            tr("Not fetched: endpoint \"%1\" has no settings-file account (Settings File > "
               "History, Account…)")
                .arg(event.endpoint),
            true);
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
        m_settingsPanel = new SettingsHistoryPanel(m_settingsSyncs->store(), m_settingsDialog);
        m_settingsPanel->setEndpoints(m_settingsSyncs->endpoints());
        m_settingsPanel->setEndpoint(m_settingsEndpoint);
        connect(m_settingsPanel, &SettingsHistoryPanel::endpointChanged, this,
                &MainWindow::chooseSettingsEndpoint);
        connect(m_settingsPanel, &SettingsHistoryPanel::fetchRequested, this,
                [this] { m_settingsSyncs->fetchNow(m_settingsPanel->endpoint()); });
        connect(m_settingsPanel, &SettingsHistoryPanel::profileRequested, this,
                [this] { editAccountProfileOf(m_settingsPanel->endpoint()); });
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

void MainWindow::showSettingsHistoryOf(const QString &endpoint)
{
    if (!m_settingsSyncs)
        return;
    chooseSettingsEndpoint(endpoint);
    showSettingsHistory();
}

void MainWindow::editAccountProfile()
{
    editAccountProfileOf(m_settingsEndpoint);
}

void MainWindow::editAccountProfileOf(const QString &endpoint)
{
    SettingsSync *sync = m_settingsSyncs ? m_settingsSyncs->sync(endpoint) : nullptr;
    if (!sync) {
        statusBar()->showMessage(
            tr("Endpoint \"%1\" no longer exists: it has no account to edit.").arg(endpoint),
            15000);
        return;
    }
    chooseSettingsEndpoint(endpoint);
    auto *dialog = new AccountProfileDialog(sync, this);
    dialog->setObjectName(QStringLiteral("accountProfileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace hookbench
