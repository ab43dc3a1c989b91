#pragma once

#include <QList>
#include <QWidget>

class QTimer;

namespace hookbench {

// A small status-bar widget: the events per second of the last minute as a sparkline,
// with the current rate as text. Callers report arrivals with addEvents(); a 1 s timer
// closes each second. Cheap to feed from batched eventsCommitted signals.
class RateSparkline : public QWidget
{
    Q_OBJECT
public:
    static constexpr int HistorySeconds = 60;

    explicit RateSparkline(QWidget *parent = nullptr);

    void addEvents(int count);
    void setTotal(qint64 total);
    qint64 total() const { return m_total; }

    // The last closed seconds, oldest first; at most HistorySeconds entries.
    QList<int> history() const { return m_history; }
    int currentRate() const { return m_history.isEmpty() ? 0 : m_history.constLast(); }
    int peakRate() const;
    QString rateText() const; // "N/s"

    // Closes the current second; the timer calls it every second (public for tests).
    void tick();
    void clear();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateToolTip();

    QTimer *m_timer;
    QList<int> m_history;
    int m_pending = 0;
    qint64 m_total = 0;
};

} // namespace hookbench
