#include "settingsfetchmodel.h"

#include "badgeicon.h"
#include "settings/settingsfetchtext.h"
#include "settings/settingsversionstore.h"
#include "settingshistorymodel.h"
#include "statuscolours.h"

#include <QColor>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace hookbench {

namespace {

constexpr int MaxListedEvents = 10;

bool sameId(const FetchRecord &a, const FetchRecord &b)
{
    return a.id == b.id;
}

// The event log's red: about 4.5:1 against the view's base in light and dark themes.
QColor failureColour()
{
    return failureTextColour(QGuiApplication::palette());
}

// Shape as well as hue: a green dot, a grey ring, a red dot with a bar.
QIcon drawOutcomeIcon(FetchOutcome outcome)
{
    if (outcome == FetchOutcome::Unchanged)
        return badgeIcon(QColor(0x9a, 0x9d, 0xa1), BadgeShape::Ring);
    if (outcome == FetchOutcome::Failed)
        return badgeIcon(QColor(0xe0, 0x45, 0x52), BadgeShape::FilledWithBar);
    return badgeIcon(QColor(0x3d, 0xae, 0x5b), BadgeShape::Filled);
}

} // namespace

SettingsFetchModel::SettingsFetchModel(SettingsVersionStore *store, const QString &endpoint,
                                       QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_endpoint(endpoint)
{
    reload();
}

void SettingsFetchModel::setEndpoint(const QString &endpoint)
{
    if (endpoint == m_endpoint)
        return;
    m_endpoint = endpoint;
    beginResetModel();
    m_fetches.clear();
    endResetModel();
    reload();
}

void SettingsFetchModel::setLimit(int limit)
{
    if (limit == m_limit)
        return;
    m_limit = limit;
    reload();
}

void SettingsFetchModel::reload()
{
    QList<FetchRecord> fresh;
    m_lastError = m_store ? m_store->fetches(m_endpoint, m_limit, &fresh)
                          : QStringLiteral("no settings history is open");
    if (!m_lastError.isEmpty()) {
        Q_EMIT errorOccurred(m_lastError);
        return;
    }
    // Fetches are recorded once finished and never edited: new ones come on top and, with a
    // limit, the oldest fall off the end. Anything else is a reset.
    const auto found =
        m_fetches.isEmpty()
            ? fresh.cend()
            : std::find_if(fresh.cbegin(), fresh.cend(), [&](const FetchRecord &fetch) {
                  return sameId(fetch, m_fetches.first());
              });
    const auto added = found - fresh.cbegin();
    const auto kept = fresh.cend() - found;
    if (found == fresh.cend() || kept > m_fetches.size() ||
        !std::equal(found, fresh.cend(), m_fetches.cbegin(), sameId)) {
        beginResetModel();
        m_fetches = fresh;
        endResetModel();
        return;
    }
    if (kept < m_fetches.size()) {
        beginRemoveRows({}, int(kept), int(m_fetches.size()) - 1);
        m_fetches.resize(kept);
        endRemoveRows();
    }
    if (added > 0) {
        beginInsertRows({}, 0, int(added) - 1);
        m_fetches = fresh;
        endInsertRows();
    }
}

int SettingsFetchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_fetches.size());
}

int SettingsFetchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

FetchRecord SettingsFetchModel::fetchAt(int row) const
{
    return row >= 0 && row < m_fetches.size() ? m_fetches.at(row) : FetchRecord();
}

int SettingsFetchModel::failedCount() const
{
    return int(std::count_if(m_fetches.cbegin(), m_fetches.cend(), [](const FetchRecord &fetch) {
        return fetch.outcome == FetchOutcome::Failed;
    }));
}

QString SettingsFetchModel::outcomeText(const FetchRecord &fetch)
{
    switch (fetch.outcome) {
    case FetchOutcome::New:
        return tr("new version #%1").arg(fetch.versionId);
    case FetchOutcome::Unchanged:
        return tr("unchanged (#%1)", "the fetched file equals this version").arg(fetch.versionId);
    case FetchOutcome::Failed:
        break;
    }
    return tr("failed", "settings fetch outcome");
}

QIcon SettingsFetchModel::outcomeIcon(FetchOutcome outcome) const
{
    QIcon &icon = m_icons[size_t(outcome)];
    if (icon.isNull())
        icon = drawOutcomeIcon(outcome);
    return icon;
}

QVariant SettingsFetchModel::displayData(const FetchRecord &fetch, int column) const
{
    const QString none = QStringLiteral("\u2014");
    const bool fromFile = fetch.trigger == FetchTrigger::File;
    switch (column) {
    case TimeColumn:
        return SettingsHistoryModel::timeText(fetch.finishedAt);
    case TriggerColumn:
        return SettingsHistoryModel::triggerText(fetch.trigger);
    case OutcomeColumn:
        return outcomeText(fetch);
    case AttemptsColumn:
        return fromFile || fetch.attempts <= 0 ? none : QLocale().toString(fetch.attempts);
    case HttpStatusColumn:
        return fromFile || fetch.httpStatus <= 0 ? none : QString::number(fetch.httpStatus);
    case WebhooksColumn:
        return fetch.eventIds.isEmpty() ? none : QLocale().toString(fetch.eventIds.size());
    case ErrorColumn: {
        QString error = fetch.error;
        return error.replace(QLatin1Char('\n'), QLatin1Char(' '));
    }
    }
    return {};
}

QVariant SettingsFetchModel::toolTipData(const FetchRecord &fetch, int column) const
{
    switch (column) {
    case TimeColumn: {
        QString text = tr("Started %1, finished %2 (UTC)")
                           .arg(SettingsHistoryModel::utcText(fetch.startedAt),
                                SettingsHistoryModel::utcText(fetch.finishedAt));
        if (!fetch.source.isEmpty())
            text += QLatin1Char('\n') + tr("From %1").arg(fetch.source);
        return text;
    }
    case TriggerColumn:
        return fetch.source.isEmpty() ? QVariant() : tr("From %1").arg(fetch.source);
    case AttemptsColumn:
        if (fetch.trigger == FetchTrigger::File || fetch.attempts <= 0)
            return {};
        return tr("%n request(s) sent, retries included", nullptr, fetch.attempts);
    case HttpStatusColumn:
        if (fetch.trigger == FetchTrigger::File || fetch.httpStatus <= 0)
            return fetch.trigger == FetchTrigger::File ? QVariant() : tr("No answer");
        return SettingsFetchText::statusText(fetch.httpStatus, {});
    case WebhooksColumn: {
        if (fetch.eventIds.isEmpty())
            return {};
        QStringList ids;
        for (qint64 id : fetch.eventIds.mid(0, MaxListedEvents))
            ids.append(QLatin1Char('#') + QString::number(id));
        QString list = ids.join(QStringLiteral(", "));
        if (fetch.eventIds.size() > MaxListedEvents)
            list += QStringLiteral(", \u2026");
        return tr("Webhook events served by this fetch: %1").arg(list);
    }
    case OutcomeColumn:
    case ErrorColumn:
        return fetch.error.isEmpty() ? QVariant() : fetch.error; // in full, however long
    }
    return {};
}

QVariant SettingsFetchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FetchRecord &fetch = m_fetches.at(index.row());
    const bool failed = fetch.outcome == FetchOutcome::Failed;
    switch (role) {
    case FetchIdRole:
        return fetch.id;
    case VersionIdRole:
        return fetch.versionId;
    case OutcomeRole:
        return int(fetch.outcome);
    case FailedRole:
        return failed;
    case Qt::DisplayRole:
        return displayData(fetch, index.column());
    case Qt::ToolTipRole:
        return toolTipData(fetch, index.column());
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn)
            return outcomeIcon(fetch.outcome);
        break;
    case Qt::ForegroundRole:
        if (failed && (index.column() == OutcomeColumn || index.column() == ErrorColumn ||
                       (index.column() == HttpStatusColumn && fetch.httpStatus > 0)))
            return failureColour();
        if (fetch.outcome == FetchOutcome::Unchanged && index.column() == OutcomeColumn)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        break;
    case Qt::TextAlignmentRole:
        switch (index.column()) {
        case AttemptsColumn:
        case HttpStatusColumn:
        case WebhooksColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        }
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

QVariant SettingsFetchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        return section == AttemptsColumn || section == HttpStatusColumn || section == WebhooksColumn
                   ? int(Qt::AlignRight | Qt::AlignVCenter)
                   : int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && section == WebhooksColumn)
        return tr("Webhook events that triggered or joined the fetch");
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TriggerColumn:
        return tr("Trigger", "what started a settings fetch");
    case OutcomeColumn:
        return tr("Outcome");
    case AttemptsColumn:
        return tr("Attempts");
    case HttpStatusColumn:
        return tr("HTTP", "column: HTTP status of the last answer");
    case WebhooksColumn:
        return tr("Webhooks", "column: webhook events served by the fetch");
    case ErrorColumn:
        return tr("Error");
    }
    return {};
}

} // namespace hookbench
