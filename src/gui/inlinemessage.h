#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QToolButton;

namespace hookbench {

// A KDE-style inline message (like KMessageWidget, built from plain widgets): a
// tinted box with an icon, text and action buttons, shown above the content it is
// about instead of a modal dialog that blocks the window.
class InlineMessage : public QFrame
{
    Q_OBJECT
public:
    enum Type { Information, Warning, Error };

    explicit InlineMessage(QWidget *parent = nullptr);

    void setType(Type type);
    Type type() const { return m_type; }
    void setText(const QString &text);
    QString text() const;
    void setCloseButtonVisible(bool visible);

    // Buttons are owned by the message; clearButtons() deletes them.
    QPushButton *addButton(const QString &text);
    void clearButtons();

Q_SIGNALS:
    void closed(); // by its close button

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateIcon();

    Type m_type = Information;
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QToolButton *m_close;
};

} // namespace hookbench
