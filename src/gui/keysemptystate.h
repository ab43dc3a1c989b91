#pragma once

#include <QWidget>

class QPushButton;

namespace hookbench {

// What the key panel shows while an endpoint has no key: that any request is accepted, and
// the two ways to change that.
class KeysEmptyState : public QWidget
{
    Q_OBJECT
public:
    explicit KeysEmptyState(QWidget *parent = nullptr);

    void setButtonsEnabled(bool enabled);

Q_SIGNALS:
    void generateRequested();
    void importRequested();

private:
    QPushButton *m_generate;
    QPushButton *m_import;
};

} // namespace hookbench
