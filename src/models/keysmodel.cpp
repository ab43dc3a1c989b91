#include "keysmodel.h"

#include "auth/keyring.h"
#include "auth/keysecret.h"
#include "badgeicon.h"
#include "statuscolours.h"

#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace hookbench {

namespace {

const QString TimeFormat = QStringLiteral("yyyy-MM-dd HH:mm");

// The event log's hues (statuscolours.h).
QVariant stateForeground(KeyState state)
{
    const QPalette palette = QGuiApplication::palette();
    switch (state) {
    case KeyState::Primary:
        return successTextColour(palette);
    case KeyState::Grace:
        return warningTextColour(palette);
    case KeyState::Expired:
        return palette.color(QPalette::PlaceholderText);
    case KeyState::Revoked:
        break;
    }
    return failureTextColour(palette);
}

// Shape as well as hue tells the states apart: a dot, a hollow ring, a "no entry" sign.
QIcon drawStateIcon(KeyState state)
{
    switch (state) {
    case KeyState::Primary:
        return badgeIcon(QColor(0x3d, 0xae, 0x5b), BadgeShape::Filled);
    case KeyState::Grace:
        return badgeIcon(QColor(0xf0, 0x8c, 0x1e), BadgeShape::Filled);
    case KeyState::Expired:
        return badgeIcon(QColor(0x9a, 0x9d, 0xa1), BadgeShape::Ring);
    case KeyState::Revoked:
        break;
    }
    return badgeIcon(QColor(0xe0, 0x45, 0x52), BadgeShape::FilledWithBar);
}

QString longTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::LongFormat);
}

} // namespace

KeysModel::KeysModel(KeyRing *ring, const QString &endpoint, QObject *parent)
    : QAbstractTableModel(parent)
    , m_ring(ring)
    , m_endpoint(endpoint)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &KeysModel::updateCountdown);
    connect(ring, &KeyRing::keyAdded, this, &KeysModel::keyAdded);
    connect(ring, &KeyRing::keyChanged, this, &KeysModel::keyChanged);
    reload();
}

void KeysModel::setEndpoint(const QString &endpoint)
{
    if (endpoint == m_endpoint)
        return;
    m_endpoint = endpoint;
    reload();
}

void KeysModel::reload()
{
    beginResetModel();
    m_keys.clear();
    if (m_ring) {
        const QList<KeyInfo> keys = m_ring->keys(m_endpoint);
        m_keys.reserve(keys.size());
        std::copy(keys.crbegin(), keys.crend(), std::back_inserter(m_keys));
    }
    m_pendingLabels.clear();
    endResetModel();
    updateTimer();
}

int KeysModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeysModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

KeyInfo KeysModel::keyAt(int row) const
{
    return row >= 0 && row < m_keys.size() ? m_keys.at(row) : KeyInfo();
}

int KeysModel::rowOfId(const QString &id) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).id == id)
            return row;
    }
    return -1;
}

KeyState KeysModel::stateAt(int row) const
{
    const KeyInfo key = keyAt(row);
    return m_ring ? key.stateAt(m_ring->now()) : key.state;
}

QString KeysModel::remainingText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s left", "grace period remaining").arg(qMax<qint64>(seconds, 0));
    // Rounded up: "0 min left" would read as already over.
    const qint64 minutes = (seconds + 59) / 60;
    if (minutes < 120)
        return tr("%1 min left", "grace period remaining").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 48)
        return tr("%1 h %2 min left", "grace period remaining").arg(hours).arg(minutes % 60);
    return tr("%1 d %2 h left", "grace period remaining").arg(hours / 24).arg(hours % 24);
}

QString KeysModel::stateText(const KeyInfo &key, const QDateTime &now)
{
    switch (key.stateAt(now)) {
    case KeyState::Primary:
        return tr("Primary", "key state");
    case KeyState::Grace:
        return tr("In grace · %1", "key state; %1 is e.g. \"42 min left\"")
            .arg(remainingText((now.msecsTo(key.graceUntil) + 999) / 1000));
    case KeyState::Expired:
        return tr("Expired", "key state: its grace period is over");
    case KeyState::Revoked:
        break;
    }
    return tr("Revoked", "key state");
}

QVariant KeysModel::stateData(const KeyInfo &key, KeyState state, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return stateText(key, m_ring ? m_ring->now() : QDateTime::currentDateTimeUtc());
    case Qt::DecorationRole: {
        QIcon &icon = m_stateIcons[size_t(state)];
        if (icon.isNull())
            icon = drawStateIcon(state);
        return icon;
    }
    case Qt::ForegroundRole:
        return stateForeground(state);
    case Qt::FontRole:
        if (state == KeyState::Primary) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ToolTipRole:
        switch (state) {
        case KeyState::Primary:
            return tr("Requests signed with this key are accepted.");
        case KeyState::Grace:
            return tr("Still accepted until %1, so that VWO's retries of webhooks signed with it "
                      "pass; refused after that.")
                .arg(longTime(key.graceUntil));
        case KeyState::Expired:
            return tr("Its grace period ended at %1: requests signed with it are refused.")
                .arg(longTime(key.graceUntil));
        case KeyState::Revoked:
            return tr("Revoked at %1: requests signed with it are refused.")
                .arg(longTime(key.revokedAt));
        }
    }
    return {};
}

QVariant KeysModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KeyInfo &key = m_keys.at(index.row());
    const KeyState state = m_ring ? key.stateAt(m_ring->now()) : key.state;
    if (role == KeyIdRole)
        return key.id;
    if (role == StateRole)
        return int(state);
    if (index.column() == StateColumn)
        return stateData(key, state, role);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case IdColumn:
            return key.id;
        case LabelColumn:
            return m_pendingLabels.value(key.id, key.label);
        case CreatedColumn:
            return key.created.toLocalTime().toString(TimeFormat);
        case LastUsedColumn:
            return key.lastUsed.isValid() ? key.lastUsed.toLocalTime().toString(TimeFormat)
                                          : tr("never", "key last used");
        case UsesColumn:
            return QLocale().toString(key.useCount);
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case IdColumn:
            return tr("A fingerprint of the key (never the key itself)");
        case LabelColumn:
            return tr("Double-click to rename");
        case CreatedColumn:
            return tr("%1 key, created %2")
                .arg(key.origin == KeyOrigin::Imported ? tr("Imported") : tr("Generated"),
                     longTime(key.created));
        case LastUsedColumn:
            return key.lastUsed.isValid() ? longTime(key.lastUsed) : QVariant();
        }
        break;
    case Qt::FontRole:
        if (index.column() == IdColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    case Qt::ForegroundRole:
        if (index.column() == LastUsedColumn && !key.lastUsed.isValid())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == UsesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

bool KeysModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != LabelColumn || !m_ring ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const QString id = m_keys.at(index.row()).id;
    const QString label = value.toString().trimmed();
    if (label == data(index, Qt::EditRole).toString())
        return true;
    const QString problem = webhookkey::checkLabel(label);
    if (!problem.isEmpty()) {
        Q_EMIT errorOccurred(tr("Cannot rename key %1: %2").arg(id, problem));
        return false;
    }
    // Shown at once; the key ring's keyChanged (or a refusal) settles it.
    m_pendingLabels.insert(id, label);
    Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    const QPointer<KeysModel> self(this);
    m_ring->setLabel(id, label, [self, id](const KeyRing::Result &result) {
        if (!self)
            return;
        self->m_pendingLabels.remove(id);
        const int row = self->rowOfId(id);
        if (row >= 0) {
            const QModelIndex cell = self->index(row, LabelColumn);
            Q_EMIT self->dataChanged(cell, cell, {Qt::DisplayRole, Qt::EditRole});
        }
        if (!result.error.isEmpty())
            Q_EMIT self->errorOccurred(tr("Cannot rename key %1: %2").arg(id, result.error));
    });
    return true;
}

Qt::ItemFlags KeysModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == LabelColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant KeysModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case StateColumn:
        return tr("State");
    case IdColumn:
        return tr("Id", "key fingerprint column");
    case LabelColumn:
        return tr("Label");
    case CreatedColumn:
        return tr("Created");
    case LastUsedColumn:
        return tr("Last used");
    case UsesColumn:
        return tr("Uses", "column: requests that matched the key");
    }
    return {};
}

void KeysModel::keyAdded(const KeyInfo &key)
{
    if (key.endpoint != m_endpoint)
        return;
    if (rowOfId(key.id) >= 0) // the key ring was reopened: it announces every key again
        return keyChanged(key);
    beginInsertRows({}, 0, 0);
    m_keys.prepend(key);
    endInsertRows();
    updateTimer();
}

void KeysModel::keyChanged(const KeyInfo &key)
{
    const int row = rowOfId(key.id);
    if (row < 0)
        return keyAdded(key);
    m_keys[row] = key;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    updateTimer();
}

void KeysModel::updateCountdown()
{
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).state == KeyState::Grace) {
            first = first < 0 ? row : first;
            last = row;
        }
    }
    if (first >= 0) {
        Q_EMIT dataChanged(
            index(first, StateColumn), index(last, StateColumn),
            {Qt::DisplayRole, Qt::DecorationRole, Qt::ForegroundRole, Qt::ToolTipRole, StateRole});
    }
    updateTimer();
}

void KeysModel::updateTimer()
{
    const QDateTime now = m_ring ? m_ring->now() : QDateTime::currentDateTimeUtc();
    const bool counting = std::any_of(m_keys.cbegin(), m_keys.cend(), [&](const KeyInfo &key) {
        return key.stateAt(now) == KeyState::Grace;
    });
    if (counting && !m_countdown.isActive())
        m_countdown.start();
    else if (!counting)
        m_countdown.stop();
}

} // namespace hookbench
