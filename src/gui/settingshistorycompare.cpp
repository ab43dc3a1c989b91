// SettingsHistoryPanel's comparisons: which two versions (of this endpoint, or this one's and
// another endpoint's current one), the one-line summary between them, and the diff viewer with
// the changes.

#include "diffwindow.h"
#include "inlinemessage.h"
#include "sentences.h"
#include "settings/settingssummary.h"
#include "settings/settingsversionstore.h"
#include "settingshistorymodel.h"
#include "settingshistorypanel.h"

namespace hookbench {

namespace {

// "#12 of 22 Nov 2026 10:04": what the viewer calls a version.
QString versionName(const SettingsVersion &version)
{
    return SettingsHistoryPanel::tr("#%1 of %2")
        .arg(version.id)
        .arg(QLocale().toString(version.createdAt.toLocalTime(), QLocale::ShortFormat));
}

} // namespace

qint64 SettingsHistoryPanel::previousVersionId(qint64 id) const
{
    const int row = m_historyModel->rowOfId(id);
    if (row < 0)
        return 0;
    const QString account = m_historyModel->versionAt(row).accountId;
    for (int older = row + 1; older < m_historyModel->rowCount(); ++older) {
        if (m_historyModel->versionAt(older).accountId == account)
            return m_historyModel->versionAt(older).id;
    }
    return 0;
}

void SettingsHistoryPanel::compareSelected()
{
    const QList<qint64> ids = selectedVersionIds();
    if (ids.size() != 2)
        return;
    Q_EMIT compareRequested(ids.at(1), ids.at(0));
    showComparison(ids.at(1), ids.at(0));
}

void SettingsHistoryPanel::compareWithPrevious()
{
    const QList<qint64> ids = selectedVersionIds();
    const qint64 previous = ids.size() == 1 ? previousVersionId(ids.at(0)) : 0;
    if (previous == 0)
        return;
    Q_EMIT compareRequested(previous, ids.at(0));
    showComparison(previous, ids.at(0));
}

void SettingsHistoryPanel::showComparison(qint64 olderId, qint64 newerId)
{
    QByteArray older;
    QByteArray newer;
    QString error = m_store->versionBytes(olderId, &older);
    if (error.isEmpty())
        error = m_store->versionBytes(newerId, &newer);
    if (!error.isEmpty()) {
        return showCompareError(
            tr("Cannot compare #%1 with #%2: %3").arg(olderId).arg(newerId).arg(asSentence(error)));
    }
    const SettingsVersion before = m_historyModel->versionAt(m_historyModel->rowOfId(olderId));
    const SettingsVersion after = m_historyModel->versionAt(m_historyModel->rowOfId(newerId));
    QString summary =
        older == newer ? tr("identical files") : summarizeSettingsChange(older, newer);
    if (before.accountId != after.accountId) {
        summary += QLatin1Char(' ') +
                   tr("(different accounts: %1 and %2)").arg(before.accountId, after.accountId);
    }
    const QString text = tr("From #%1 to #%2: %3").arg(olderId).arg(newerId).arg(summary);
    // The changes themselves are the viewer's: computed off the GUI thread, any size.
    auto *viewer = new DiffWindow(window());
    viewer->setObjectName(QStringLiteral("settingsDiffWindow"));
    viewer->compare({older, versionName(before)}, {newer, versionName(after)});
    viewer->show();
    m_compareMessage->setType(InlineMessage::Information);
    m_compareMessage->setText(text);
    m_compareMessage->show();
}

void SettingsHistoryPanel::showCompareError(const QString &text)
{
    m_compareMessage->setType(InlineMessage::Error);
    m_compareMessage->setText(text);
    m_compareMessage->show();
}

void SettingsHistoryPanel::compareWithEndpoint(const QString &other)
{
    const qint64 thisId = endpointCompareVersionId();
    if (thisId == 0) {
        return showCompareError(
            m_historyModel->rowCount() == 0
                ? tr("Endpoint %1 has no settings-file version yet to compare.").arg(m_endpoint)
                : tr("Select one version, or none for the current one, to compare it with "
                     "endpoint %1.")
                      .arg(other));
    }
    SettingsVersion mine;
    SettingsVersion theirs;
    QString error = m_store->version(thisId, &mine);
    if (error.isEmpty())
        error = m_store->currentVersion(other, QString(), &theirs);
    if (error.isEmpty() && theirs.isNull()) {
        return showCompareError(
            tr("Endpoint %1 has no settings-file version yet: fetch or import one first.")
                .arg(other));
    }
    QByteArray before;
    QByteArray after;
    if (error.isEmpty())
        error = m_store->versionBytes(mine.id, &before);
    if (error.isEmpty())
        error = m_store->versionBytes(theirs.id, &after);
    if (!error.isEmpty()) {
        return showCompareError(
            tr("Cannot compare %1 with endpoint %2: %3").arg(m_endpoint, other, asSentence(error)));
    }
    const QString mineName = tr("%1 (%2)", "endpoint (version)").arg(m_endpoint, versionName(mine));
    const QString theirName = tr("%1 (%2)", "endpoint (version)").arg(other, versionName(theirs));
    QString summary =
        before == after ? tr("identical files") : summarizeSettingsChange(before, after);
    if (mine.accountId != theirs.accountId) {
        summary += QLatin1Char(' ') +
                   tr("(different accounts: %1 and %2)").arg(mine.accountId, theirs.accountId);
    }
    auto *viewer = new DiffWindow(window());
    viewer->setObjectName(QStringLiteral("settingsDiffWindow"));
    viewer->compare({before, mineName}, {after, theirName});
    viewer->show();
    m_compareMessage->setType(InlineMessage::Information);
    m_compareMessage->setText(
        tr("From %1 #%2 to %3 #%4: %5")
            .arg(m_endpoint, QString::number(mine.id), other, QString::number(theirs.id), summary));
    m_compareMessage->show();
}

} // namespace hookbench
