#pragma once

#include "endpoints/endpoint.h"
#include "events/event.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QUrl>

#include <functional>

namespace hookbench {

// The endpoints as a list for the window's sidebar: an "All endpoints" row on top, then each
// endpoint (default first) with its colour, where it is served, how many events it has and when
// the last one came. It knows neither the receiver nor the store: URLs, counts and last-event
// times are handed in (setUrls(), setEventCounts(), setLastEvents()) and then follow the live
// events (addEvents()). Texts like "2 min ago" are relative to clock(); refreshTimes() tells
// the views they moved on.
class EndpointListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        NameRole = Qt::UserRole + 1, // QString; empty for "All endpoints"
        ColourRole,                  // QColor; invalid for "All endpoints"
        LocationRole,                // QString: its URL while served, else its path
        CountRole,                   // qint64: stored events
        CountTextRole,               // "12 requests"
        LastEventRole,               // QDateTime (UTC); invalid when none is known
        LastEventTextRole,           // "2 min ago", "no requests yet"
        IsAllRole,                   // bool
        IsDefaultRole,               // bool
    };
    using Clock = std::function<QDateTime()>;

    explicit EndpointListModel(QObject *parent = nullptr);

    // Keeps counts and times by name. Rows of endpoints that stay keep their place; the list
    // is reset only when endpoints come or go.
    void setEndpoints(const QList<Endpoint> &endpoints);
    QList<Endpoint> endpoints() const { return m_endpoints; }
    // Where each endpoint is served while the receiver runs (ReceiverService::endpointUrl);
    // endpoints without one show their path.
    void setUrls(const QHash<QString, QUrl> &urls);
    // Stored events per endpoint name (EndpointDirectory::eventCounts), replacing the counts
    // so far; names of endpoints that no longer exist count for "All endpoints" only.
    void setEventCounts(const QHash<QString, qint64> &counts);
    void setLastEvents(const QHash<QString, QDateTime> &times);
    void setClock(Clock clock); // for tests; default: the system clock (UTC)

    int rowOf(const QString &name) const;         // 0 for "" (All), -1 when unknown
    QString nameAt(int row) const;                // "" for All and for rows out of range
    qint64 eventCount(const QString &name) const; // "" for all endpoints
    QDateTime lastEvent(const QString &name) const;

    // "just now", "40 s ago", "2 min ago", "3 h ago", else the date.
    static QString relativeTime(const QDateTime &when, const QDateTime &now);
    static QString countText(qint64 count);  // "1 request", "12 requests"
    static QString endpointsText(int count); // "1 endpoint", "3 endpoints"

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    // Committed events (MainWindow::appendEvents): counts and last-event times follow.
    void addEvents(const QList<hookbench::Event> &events);
    void refreshTimes(); // the relative times are older now

private:
    QIcon chip(const QColor &colour) const;
    void changedRows(int first, int last, const QList<int> &roles);

    QList<Endpoint> m_endpoints;
    QHash<QString, QUrl> m_urls;
    QHash<QString, qint64> m_counts;
    QHash<QString, QDateTime> m_last;
    Clock m_clock;
    mutable QHash<QRgb, QIcon> m_chips;
};

} // namespace hookbench
