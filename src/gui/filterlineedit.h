#pragma once

#include <QLineEdit>

class QCompleter;

namespace hookbench {

// The filter bar's text field: tints its background by syntax state (like Wireshark's
// display filter edit), draws a red wavy underline under the erroneous span, and offers
// field names ("sta" -> "status:") for the word being typed.
class FilterLineEdit : public QLineEdit
{
    Q_OBJECT
public:
    enum class Tint { None, Valid, Invalid };

    explicit FilterLineEdit(QWidget *parent = nullptr);

    void setTint(Tint tint);
    Tint tint() const { return m_tint; }
    // position < 0 removes the marker; length 0 marks a point (e.g. a missing value at the end).
    void setErrorSpan(int position, int length);
    void setCompletionWords(const QStringList &words);
    QCompleter *fieldCompleter() const { return m_completer; }

Q_SIGNALS:
    void enterPressed();
    void escapePressed();
    void downPressed(); // with no completion popup: the bar opens its recent filters

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateCompletion();
    void insertCompletion(const QString &completion);
    void applyTint();
    int xForPosition(int position) const;

    QCompleter *m_completer;
    Tint m_tint = Tint::None;
    int m_errorPosition = -1;
    int m_errorLength = 0;
    bool m_applyingTint = false;
};

} // namespace hookbench
