#include "settingshistorymodel.h"

#include "settings/settingsversionstore.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace hookbench {

namespace {

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text;
}

} // namespace

SettingsHistoryModel::SettingsHistoryModel(SettingsVersionStore *store, const QString &endpoint,
                                           QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_endpoint(endpoint)
{
    reload();
}

void SettingsHistoryModel::setEndpoint(const QString &endpoint)
{
    if (endpoint == m_endpoint)
        return;
    m_endpoint = endpoint;
    beginResetModel();
    m_versions.clear();
    m_current.clear();
    endResetModel();
    reload();
}

void SettingsHistoryModel::reload()
{
    QList<SettingsVersion> fresh;
    m_lastError = m_store ? m_store->versions(m_endpoint, {}, &fresh)
                          : QStringLiteral("no settings history is open");
    if (!m_lastError.isEmpty()) {
        // What is listed stays listed: a failed read is no reason to blank the table.
        Q_EMIT errorOccurred(m_lastError);
        return;
    }
    const auto added = fresh.size() - m_versions.size();
    const auto sameId = [](const SettingsVersion &a, const SettingsVersion &b) {
        return a.id == b.id;
    };
    // Versions are never edited, so the same ids mean the same rows.
    const bool onlyNewer = added >= 0 && std::equal(m_versions.cbegin(), m_versions.cend(),
                                                    fresh.cbegin() + added, sameId);
    if (!onlyNewer) {
        beginResetModel();
        m_versions = fresh;
        updateCurrent();
        endResetModel();
        return;
    }
    if (added == 0)
        return;
    const QSet<qint64> wasCurrent = m_current;
    beginInsertRows({}, 0, int(added) - 1);
    m_versions = fresh;
    updateCurrent();
    endInsertRows();
    // A new version of an account ends its predecessor's time as the current one.
    for (int row = int(added); row < m_versions.size(); ++row) {
        if (wasCurrent.contains(m_versions.at(row).id) != m_current.contains(m_versions.at(row).id))
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void SettingsHistoryModel::updateCurrent()
{
    m_current.clear();
    QSet<QString> seen;
    for (const SettingsVersion &version : std::as_const(m_versions)) {
        if (!seen.contains(version.accountId)) {
            seen.insert(version.accountId);
            m_current.insert(version.id);
        }
    }
}

int SettingsHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int SettingsHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

SettingsVersion SettingsHistoryModel::versionAt(int row) const
{
    return row >= 0 && row < m_versions.size() ? m_versions.at(row) : SettingsVersion();
}

int SettingsHistoryModel::rowOfId(qint64 id) const
{
    for (int row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).id == id)
            return row;
    }
    return -1;
}

bool SettingsHistoryModel::isCurrent(int row) const
{
    return row >= 0 && row < m_versions.size() && m_current.contains(m_versions.at(row).id);
}

QString SettingsHistoryModel::triggerText(FetchTrigger trigger)
{
    switch (trigger) {
    case FetchTrigger::Webhook:
        return tr("webhook", "what brought a settings version");
    case FetchTrigger::Manual:
        return tr("manual fetch", "what brought a settings version");
    case FetchTrigger::File:
        break;
    }
    return tr("imported file", "what brought a settings version");
}

QString SettingsHistoryModel::timeText(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString SettingsHistoryModel::utcText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QVariant SettingsHistoryModel::displayData(const SettingsVersion &version, int column) const
{
    switch (column) {
    case VersionColumn:
        return tr("#%1", "settings version number").arg(version.id);
    case TimeColumn:
        return timeText(version.createdAt);
    case TriggerColumn:
        return triggerText(version.trigger);
    case AccountColumn:
        return version.accountId.isEmpty() ? tr("(none)", "account id") : version.accountId;
    case CampaignsColumn:
        return QLocale().toString(version.campaignCount);
    case ChangeColumn:
        return oneLine(version.summary);
    case SizeColumn:
        return QLocale().formattedDataSize(version.size);
    }
    return {};
}

QVariant SettingsHistoryModel::toolTipData(const SettingsVersion &version, int row,
                                           int column) const
{
    switch (column) {
    case VersionColumn:
        return QString(
            (isCurrent(row)
                 ? tr("The current version of account %1").arg(version.accountId)
                 : tr("Version #%1 of account %2").arg(version.id).arg(version.accountId)) +
            QLatin1Char('\n') + tr("SHA-256: %1").arg(version.sha256));
    case TimeColumn:
        return utcText(version.createdAt);
    case TriggerColumn:
        return version.source.isEmpty() ? QVariant() : tr("From %1").arg(version.source);
    case ChangeColumn:
        return version.summary;
    case SizeColumn:
        return tr("%1 bytes").arg(QLocale().toString(version.size));
    }
    return {};
}

QVariant SettingsHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SettingsVersion &version = m_versions.at(index.row());
    switch (role) {
    case VersionIdRole:
        return version.id;
    case AccountIdRole:
        return version.accountId;
    case IsCurrentRole:
        return isCurrent(index.row());
    case Qt::DisplayRole:
        return displayData(version, index.column());
    case Qt::ToolTipRole:
        return toolTipData(version, index.row(), index.column());
    case Qt::FontRole:
        if (index.column() == VersionColumn && isCurrent(index.row())) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == AccountColumn && version.accountId.isEmpty())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        break;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case VersionColumn:
        case CampaignsColumn:
        case SizeColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant SettingsHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        return section == VersionColumn || section == CampaignsColumn || section == SizeColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && section == ChangeColumn)
        return tr("What changed against the previous version of the same account");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case TimeColumn:
        return tr("Time");
    case TriggerColumn:
        return tr("Trigger", "what brought a settings version");
    case AccountColumn:
        return tr("Account");
    case CampaignsColumn:
        return tr("Campaigns");
    case ChangeColumn:
        return tr("Change");
    case SizeColumn:
        return tr("Size");
    }
    return {};
}

} // namespace hookbench
