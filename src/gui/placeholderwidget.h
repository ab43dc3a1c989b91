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
    // A button under the command (actionTriggered() when clicked); empty text hides it.
    void setAction(const QString &text);
    // Smaller guidance at the bottom, rich text with links; empty hides it.
    void setNote(const QString &richText);
    QString title() const;
    QString text() const;
    QString command() const;
    QString actionText() const;
    QString note() const;

Q_SIGNALS:
    void actionTriggered();

private:
    void copyCommand();

    QLabel *m_title;
    QLabel *m_text;
    QFrame *m_codeBlock;
    QLabel *m_command;
    QPushButton *m_copy;
    QPushButton *m_action;
    QLabel *m_note;
};

} // namespace hookbench
