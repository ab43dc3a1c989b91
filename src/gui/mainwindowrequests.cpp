// MainWindow: the actions on the selected requests that send them again or star them.
#include "mainwindow.h"

#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "eventtableview.h"
#include "resenddialog.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

namespace hookbench {

void MainWindow::createRequestSendActions(QMenu *menu)
{
    m_replayAction =
        menu->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")),
                        tr("&Replay to Receiver…"), this, [this] { openResendDialog(true); });
    m_replayAction->setObjectName(QStringLiteral("replayAction"));
    m_replayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_resendAction =
        menu->addAction(QIcon::fromTheme(QStringLiteral("mail-send")), tr("Re&send to URL…"), this,
                        [this] { openResendDialog(false); });
    m_resendAction->setObjectName(QStringLiteral("resendAction"));
    m_resendAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R));
    updateRequestSendActions();
}

void MainWindow::createStarAction(QMenu *menu)
{
    m_starAction = menu->addAction(QIcon::fromTheme(QStringLiteral("starred-symbolic")),
                                   tr("S&tar / Unstar"), this, &MainWindow::toggleStarSelected);
    m_starAction->setObjectName(QStringLiteral("starAction"));
    m_starAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_starAction->setToolTip(tr("Mark the selected requests to find them again with is:starred"));
    m_starAction->setEnabled(false);
}

void MainWindow::toggleStarSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    // Star unless every selected row is starred already, as mail clients do.
    bool allStarred = true;
    for (const QModelIndex &row : m_view->selectionModel()->selectedRows())
        allStarred = allStarred && m_model->eventAt(row.row()).starred;
    Q_EMIT starRequested(ids, !allStarred);
}

void MainWindow::eventsStarred(const QList<qint64> &ids, bool starred)
{
    m_model->updateStarred(ids, starred); // the detail pane does not show stars
    statusBar()->showMessage(starred ? tr("Starred %n request(s)", nullptr, int(ids.size()))
                                     : tr("Unstarred %n request(s)", nullptr, int(ids.size())),
                             3000);
}

void MainWindow::updateRequestSendActions()
{
    if (!m_replayAction)
        return;
    const bool hasEvent = m_detail->hasEvent();
    const bool listening = m_state == State::Listening;
    m_replayAction->setEnabled(hasEvent && listening);
    m_replayAction->setToolTip(listening ? tr("Send the selected request to this receiver again, "
                                              "after editing it if you like")
                                         : tr("Start the receiver to replay requests to it"));
    m_resendAction->setEnabled(hasEvent);
}

void MainWindow::openResendDialog(bool replay)
{
    const Event stored = m_model->eventAt(m_view->currentIndex().row());
    if (stored.id == 0)
        return;
    withStoredKey(stored, [this, replay](const Event &event) { openResendDialog(replay, event); });
}

void MainWindow::openResendDialog(bool replay, const Event &event)
{
    // Replay keeps the request's own path: only the receiver's origin is given.
    QUrl target = m_url;
    target.setPath(QString());
    target.setQuery(QString());
    if (!replay && m_lastResendUrl.isValid())
        target = m_lastResendUrl;
    auto *dialog = new ResendDialog(
        replay ? ResendDialog::Mode::Replay : ResendDialog::Mode::Resend, event, target, this);
    dialog->setObjectName(QStringLiteral("resendDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRevealSecrets(m_detail->secretsRevealed());
    if (!replay) {
        connect(dialog, &ResendDialog::sent, this,
                [this](const OutgoingRequest &request) { m_lastResendUrl = request.url; });
    }
    dialog->show();
}

} // namespace hookbench
