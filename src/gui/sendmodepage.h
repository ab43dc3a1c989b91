#pragma once

#include "sender/outgoingrequest.h"
#include "sender/sendhistory.h"

#include <QWidget>

namespace hookbench {

// One mode of the test-webhook sender (Once, As VWO, Load, Audit): its options on top, its
// result below. The window starts and cancels it and keeps what it records in the history.
class SendModePage : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    // Empty when the options are valid; else one sentence naming the field.
    virtual QString optionsProblem() const { return {}; }
    // Starts sending `request`; false when it could not start.
    virtual bool start(const OutgoingRequest &request) = 0;
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

Q_SIGNALS:
    void optionsChanged();
    void runningChanged(bool running);
    // A run ended: what the history keeps of it.
    void recorded(const hookbench::SendRecord &record);
};

// "00:04", "59:59", "1:00:00".
QString clockText(qint64 ms);

} // namespace hookbench
