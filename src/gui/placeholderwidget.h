#pragma once

#include <QWidget>

class QFrame;
class QLabel;
class QPushButton;

namespace hookbench {

// An empty view's hint: a title, a sentence and, optionally, a command in a code
// block with a button to copy it. Tells a first-time user what to do next.
class PlaceholderWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PlaceholderWidget(QWidget *parent = nullptr);

    void setContent(const QString &title, const QString &text, const QString &command = {});
    QString title() const;
    QString text() const;
    QString command() const;

private:
    void copyCommand();

    QLabel *m_title;
    QLabel *m_text;
    QFrame *m_codeBlock;
    QLabel *m_command;
    QPushButton *m_copy;
};

} // namespace hookbench
