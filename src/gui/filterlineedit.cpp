#include "filterlineedit.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QStringListModel>
#include <QStyle>
#include <QStyleOptionFrame>

namespace hookbench {

namespace {

// Breeze's positive/negative colours, blended into the theme's base colour so the tint
// stays subtle and the text readable in light and dark themes alike.
const QColor positiveColor(0x27, 0xae, 0x60);
const QColor negativeColor(0xda, 0x44, 0x53);

QColor mix(const QColor &a, const QColor &b, qreal bAmount)
{
    const qreal aAmount = 1.0 - bAmount;
    return QColor::fromRgbF(float(a.redF() * aAmount + b.redF() * bAmount),
                            float(a.greenF() * aAmount + b.greenF() * bAmount),
                            float(a.blueF() * aAmount + b.blueF() * bAmount));
}

bool isWordStart(QChar c)
{
    return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char('-');
}

} // namespace

FilterLineEdit::FilterLineEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_completer(new QCompleter(this))
{
    // Not setCompleter(): that completes the whole text, we complete the current word.
    m_completer->setModel(new QStringListModel(m_completer));
    m_completer->setWidget(this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this,
            &FilterLineEdit::insertCompletion);
    connect(this, &QLineEdit::textEdited, this, &FilterLineEdit::updateCompletion);
}

void FilterLineEdit::setTint(Tint tint)
{
    if (m_tint == tint)
        return;
    m_tint = tint;
    applyTint();
}

void FilterLineEdit::setErrorSpan(int position, int length)
{
    if (m_errorPosition == position && m_errorLength == length)
        return;
    m_errorPosition = position;
    m_errorLength = length;
    update();
}

void FilterLineEdit::setCompletionWords(const QStringList &words)
{
    static_cast<QStringListModel *>(m_completer->model())->setStringList(words);
}

void FilterLineEdit::keyPressEvent(QKeyEvent *event)
{
    // While the popup is open, QCompleter forwards keys here first; leave the keys it
    // acts on to it, or Enter would apply the half-typed filter.
    if (m_completer->popup()->isVisible()) {
        switch (event->key()) {
        case Qt::Key_Enter:
        case Qt::Key_Return:
        case Qt::Key_Escape:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            event->ignore();
            return;
        default:
            break;
        }
    }
    switch (event->key()) {
    case Qt::Key_Enter:
    case Qt::Key_Return:
        Q_EMIT enterPressed();
        event->accept();
        return;
    case Qt::Key_Escape:
        Q_EMIT escapePressed();
        event->accept();
        return;
    case Qt::Key_Down:
        if (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::KeypadModifier) {
            Q_EMIT downPressed();
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QLineEdit::keyPressEvent(event);
}

void FilterLineEdit::paintEvent(QPaintEvent *event)
{
    QLineEdit::paintEvent(event);
    if (m_errorPosition < 0)
        return;

    QStyleOptionFrame option;
    initStyleOption(&option);
    const QRect contents = style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
    const int length = int(text().size());
    const int start = qBound(0, m_errorPosition, length);
    const int end = qBound(start, m_errorPosition + m_errorLength, length);
    int x1 = xForPosition(start);
    int x2 = xForPosition(end);
    if (x2 - x1 < 6) { // a point or a thin char: still visible
        x1 -= 3;
        x2 = x1 + 6;
    }
    const QFontMetrics metrics(font());
    const int y = qMin(contents.bottom() - 1, cursorRect().center().y() + metrics.ascent() / 2 + 3);

    QPainterPath wave; // a spell-checker style zigzag
    wave.moveTo(x1, y);
    for (int x = x1, up = 1; x < x2; x += 2, up = -up)
        wave.lineTo(x + 2, y - up * 2 + 1);
    QPainter painter(this);
    painter.setClipRect(contents);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(negativeColor, 1.4));
    painter.drawPath(wave);
}

void FilterLineEdit::changeEvent(QEvent *event)
{
    QLineEdit::changeEvent(event);
    if (!m_applyingTint &&
        (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        applyTint();
}

void FilterLineEdit::updateCompletion()
{
    const QString current = text();
    const int cursor = cursorPosition();
    int start = cursor;
    while (start > 0 && current.at(start - 1).isLetter())
        --start;
    const bool atWordStart = start == 0 || isWordStart(current.at(start - 1));
    const bool atWordEnd = cursor == current.size() || current.at(cursor).isSpace() ||
                           current.at(cursor) == QLatin1Char(')');
    const QString word = current.mid(start, cursor - start);
    if (word.isEmpty() || !atWordStart || !atWordEnd) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    if (m_completer->completionCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = cursorRect();
    rect.setWidth(m_completer->popup()->sizeHintForColumn(0) +
                  m_completer->popup()->verticalScrollBar()->sizeHint().width() + 8);
    m_completer->complete(rect);
}

void FilterLineEdit::insertCompletion(const QString &completion)
{
    const int prefix = int(m_completer->completionPrefix().size());
    setSelection(cursorPosition() - prefix, prefix);
    insert(completion);
}

void FilterLineEdit::applyTint()
{
    // Blend into the parent's (the theme's) colours, not our own tinted palette.
    const QPalette themed = parentWidget() ? parentWidget()->palette() : QApplication::palette();
    QPalette tinted = themed;
    if (m_tint != Tint::None) {
        const QColor accent = m_tint == Tint::Valid ? positiveColor : negativeColor;
        const QColor base = themed.color(QPalette::Base);
        tinted.setColor(QPalette::Base, mix(base, accent, base.lightnessF() > 0.5 ? 0.22 : 0.35));
    }
    m_applyingTint = true;
    setPalette(tinted);
    m_applyingTint = false;
}

int FilterLineEdit::xForPosition(int position) const
{
    // cursorRect() knows the horizontal scroll; measure from the cursor to `position`.
    // QWidgetLineControl::rectForPos() puts the cursor 5 px right of the rect's left edge.
    const QFontMetrics metrics(font());
    const QString current = text();
    const int cursorX = cursorRect().left() + 5;
    return cursorX + metrics.horizontalAdvance(current.left(position)) -
           metrics.horizontalAdvance(current.left(cursorPosition()));
}

} // namespace hookbench
