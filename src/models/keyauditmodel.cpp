#include "keyauditmodel.h"

#include "auth/keyring.h"

#include <QFontDatabase>
#include <QLocale>

namespace hookbench {

namespace {

// Today's entries by time alone; older ones with their date.
QString shortTime(const QDateTime &utc)
{
    const QDateTime local = utc.toLocalTime();
    if (local.date() == QDate::currentDate())
        return local.toString(QStringLiteral("HH:mm:ss"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

} // namespace

KeyAuditModel::KeyAuditModel(KeyRing *ring, const QString &endpoint, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ring(ring)
    , m_endpoint(endpoint)
{
    connect(ring, &KeyRing::auditChanged, this, &KeyAuditModel::reload);
    reload();
}

void KeyAuditModel::setEndpoint(const QString &endpoint)
{
    if (endpoint == m_endpoint)
        return;
    m_endpoint = endpoint;
    reload();
}

void KeyAuditModel::reload()
{
    QString error;
    QList<KeyAuditEntry> entries;
    if (m_ring && m_ring->isOpen())
        entries = m_ring->auditTrail(m_endpoint, {}, Limit, &error);
    if (!error.isEmpty()) {
        Q_EMIT errorOccurred(tr("Cannot read the key audit trail: %1").arg(error));
        return; // keep what is shown rather than an empty list that looks like no history
    }
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int KeyAuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int KeyAuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

KeyAuditEntry KeyAuditModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : KeyAuditEntry();
}

QString KeyAuditModel::actionText(const KeyAuditEntry &entry)
{
    const auto labelled = [&](const QString &action) {
        return entry.label.isEmpty()
                   ? action
                   : tr("%1, labelled “%2”", "audit: action, label").arg(action, entry.label);
    };
    switch (entry.action) {
    case KeyAuditAction::Generated:
        return labelled(tr("generated"));
    case KeyAuditAction::Imported:
        return labelled(tr("imported"));
    case KeyAuditAction::Rotated: {
        const QString replaced = tr("rotated: replaced by %1").arg(entry.relatedKeyId);
        if (!entry.until.isValid())
            return replaced;
        const QDateTime until = entry.until.toLocalTime();
        const QString when = until.date() == entry.at.toLocalTime().date()
                                 ? until.toString(QStringLiteral("HH:mm"))
                                 : until.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        return entry.until <= entry.at ? tr("%1, refused at once").arg(replaced)
                                       : tr("%1, accepted until %2").arg(replaced, when);
    }
    case KeyAuditAction::Revoked:
        return tr("revoked: requests signed with it are refused");
    case KeyAuditAction::Revealed:
        return tr("secret revealed");
    case KeyAuditAction::Copied:
        return tr("secret copied to the clipboard");
    case KeyAuditAction::GraceEnded:
        return tr("grace period ended early: requests signed with it are refused");
    case KeyAuditAction::LabelChanged:
        return entry.label.isEmpty() ? tr("label removed")
                                     : tr("label changed to “%1”").arg(entry.label);
    }
    return {};
}

QVariant KeyAuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyAuditEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return shortTime(entry.at);
        case KeyColumn:
            return entry.keyId;
        case ActionColumn:
            return actionText(entry);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(entry.at.toLocalTime(), QLocale::LongFormat);
        if (index.column() == ActionColumn)
            return actionText(entry);
        break;
    case Qt::FontRole:
        if (index.column() == KeyColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    }
    return {};
}

QVariant KeyAuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KeyColumn:
        return tr("Key");
    case ActionColumn:
        return tr("Action");
    }
    return {};
}

} // namespace hookbench
