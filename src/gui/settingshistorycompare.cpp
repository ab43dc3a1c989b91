// SettingsHistoryPanel's comparisons: which two versions, the one-line summary between them and
// the first changes in VWO's terms, until a diff viewer answers compareRequested().

#include "diff/jsondiff.h"
#include "diff/jsontree.h"
#include "inlinemessage.h"
#include "sentences.h"
#include "settings/settingssummary.h"
#include "settings/settingsversionstore.h"
#include "settingshistorymodel.h"
#include "settingshistorypanel.h"

namespace hookbench {

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
        m_compareMessage->setType(InlineMessage::Error);
        m_compareMessage->setText(
            tr("Cannot compare #%1 with #%2: %3").arg(olderId).arg(newerId).arg(asSentence(error)));
        m_compareMessage->show();
        return;
    }
    const SettingsVersion before = m_historyModel->versionAt(m_historyModel->rowOfId(olderId));
    const SettingsVersion after = m_historyModel->versionAt(m_historyModel->rowOfId(newerId));
    QString summary =
        older == newer ? tr("identical files") : summarizeSettingsChange(older, newer);
    if (before.accountId != after.accountId) {
        summary += QLatin1Char(' ') +
                   tr("(different accounts: %1 and %2)").arg(before.accountId, after.accountId);
    }
    QString text = tr("From #%1 to #%2: %3").arg(olderId).arg(newerId).arg(summary);
    // The changes themselves (simdjson: well under a second even for 11 MB files).
    const JsonTree oldTree = JsonTree::parse(older);
    const JsonTree newTree = JsonTree::parse(newer);
    if (!oldTree.isNull() && !newTree.isNull()) {
        const JsonDiff diff = diffJson(oldTree, newTree);
        constexpr int Shown = 8;
        for (int i = 0; i < diff.changes.size() && i < Shown; ++i)
            text += QStringLiteral("\n\u2022 ") + diff.changes.at(i).sentence;
        if (diff.changes.size() > Shown)
            text += QLatin1Char('\n') + tr("… and %1 more (hookbench-cli diff lists them all)")
                                            .arg(diff.changes.size() - Shown);
    }
    m_compareMessage->setType(InlineMessage::Information);
    m_compareMessage->setText(text);
    m_compareMessage->show();
}

} // namespace hookbench
