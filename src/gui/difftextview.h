#pragma once

#include "diff/textdiffalignment.h"
#include "diff/textdiffinline.h"

#include <QAbstractScrollArea>
#include <QCache>

#include <memory>

class QPainter;

namespace hookbench {

struct TextComparison;

// The text half of a comparison, side by side: old on the left, new on the right, each with a
// line-number gutter under a title strip. Virtualized: it paints only the visible rows, asking
// the alignment for each, so 500k-line files scroll as smoothly as small ones. One vertical
// scrollbar moves both panes in rows, one horizontal scrollbar moves both texts in pixels.
class DiffTextView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    enum class Side { Old, New };

    static constexpr int TabWidth = 4;

    explicit DiffTextView(QWidget *parent = nullptr);
    ~DiffTextView() override;

    // A null comparison is clear().
    void setComparison(std::shared_ptr<const TextComparison> text, const QString &oldTitle,
                       const QString &newTitle);
    std::shared_ptr<const TextComparison> comparison() const { return m_text; }
    void clear();

    // Shown instead of the panes while there is no comparison.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    int changeCount() const;
    int currentChange() const { return m_currentChange; } // -1: none

    int rowCount() const;
    int firstVisibleRow() const;
    // Rows fully inside the viewport from firstVisibleRow() on.
    int visibleRowCount() const;
    int focusedRow() const { return m_focusedRow; } // -1: none
    Side focusedSide() const { return m_focusedSide; }
    // The row under a viewport position, or -1 (header strip, below the last row).
    int rowAt(const QPoint &viewportPos) const;
    Side sideAt(const QPoint &viewportPos) const;

    // The focused row's line on the focused side (the other side when that one is a gap).
    QString focusedLineText() const;

public Q_SLOTS:
    // Relative to the current change, or to the top visible row when there is none.
    void nextChange();
    void previousChange();
    void goToChange(int index);
    // 0-based lines. The row becomes the focused row, about a third from the top.
    void scrollToOldLine(int line);
    void scrollToNewLine(int line);
    // Puts focusedLineText() on the clipboard.
    void copy();

Q_SIGNALS:
    void currentChangeChanged(int index, int count);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct Geometry
    {
        int headerHeight = 0;
        int paneWidth = 0;
        int dividerWidth = 2;
        int gutterWidth = 0;
        int newPaneLeft = 0;
        int textAreaWidth = 0; // per pane, right of the gutter
    };
    struct Colors;
    // What paintSide needs to know about its row.
    struct RowState
    {
        int y = 0;
        TextDiffAlignment::Kind kind = TextDiffAlignment::Kind::Equal;
        bool inCurrentChange = false;
        bool focused = false;
    };

    const TextDiffAlignment &alignment() const;
    Geometry geometry() const;
    int fullRowCapacity() const; // rows that fit entirely below the header
    void updateMetrics();
    void updateScrollBars();
    void setCurrentChange(int index);
    void focusRow(int row, Side side, bool scrollToThird);
    void scrollRowToThird(int row);
    void ensureRowVisible(int row);
    void moveFocusBy(int rows); // difftextviewinput.cpp

    // Painting (difftextviewpaint.cpp).
    void paintPlaceholder(QPainter &painter);
    void paintHeader(QPainter &painter, const Geometry &geo, const Colors &colors);
    void paintRow(QPainter &painter, const Geometry &geo, const Colors &colors, int row, int y);
    void paintSide(QPainter &painter, const Geometry &geo, const Colors &colors,
                   const RowState &state, Side side, int line,
                   const QList<TextDiffInline::Range> *ranges);
    const TextDiffInline::Result *inlineRanges(int row, int oldLine, int newLine);
    // Display width with tabs expanded, one column per character.
    static int displayColumns(QByteArrayView line);

    std::shared_ptr<const TextComparison> m_text;
    QString m_oldTitle;
    QString m_newTitle;
    QString m_placeholder;
    int m_longestColumns = 0;
    int m_lineNumberDigits = 1;
    int m_currentChange = -1;
    int m_focusedRow = -1;
    Side m_focusedSide = Side::New;

    // Font metrics, refreshed on font changes.
    int m_rowHeight = 1;
    int m_ascent = 0;
    qreal m_charWidth = 1;

    // Intra-line highlights of recently painted Modified rows; cleared on set.
    QCache<int, TextDiffInline::Result> m_inlineCache;
};

} // namespace hookbench
