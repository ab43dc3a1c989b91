#pragma once

#include "sender/loadrunner.h"
#include "sendmodepage.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QSpinBox;
class QTableWidget;

namespace hookbench {

// Load mode: N requests at concurrency C, or at a fixed rate; a progress bar while it runs,
// then throughput, latency percentiles, the status histogram and the failures in words.
class SendLoadView : public SendModePage
{
    Q_OBJECT
public:
    explicit SendLoadView(QWidget *parent = nullptr);

    QString optionsProblem() const override;
    bool start(const OutgoingRequest &request) override;
    void cancel() override;
    bool isRunning() const override { return m_runner->isRunning(); }

    void setCount(int count);
    void setConcurrency(int concurrency);
    void setRatePerSecond(double rate); // 0: as fast as the connections go
    QString summaryText() const;
    QTableWidget *statusTable() const { return m_statuses; }

private:
    LoadPlan plan(const OutgoingRequest &request) const;
    void onFinished(const LoadSummary &summary);
    void updateRateField();

    LoadRunner *m_runner;
    QSpinBox *m_count;
    QSpinBox *m_concurrency;
    QComboBox *m_pace;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_timeout;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTableWidget *m_statuses;
    QTableWidget *m_failures;
    OutgoingRequest m_request;
    QDateTime m_startedAt;
};

} // namespace hookbench
