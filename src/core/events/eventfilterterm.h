#pragma once

#include "eventfilter.h"

// Internal to the filter language: shared by its parser (eventfilter.cpp) and its term reader
// (eventfilterterm.cpp).
namespace hookbench {

// " at column N" for a 0-based offset: messages count columns from 1, as editors do.
QString filterColumn(int position);

// Reads `field:value` (field empty for a bare word) into *term. On a bad field or value returns
// false with *error naming it; fieldPos/valuePos are offsets into the filter text.
bool readFilterTerm(QStringView field, int fieldPos, const QString &value, int valuePos,
                    int valueLength, FilterTerm *term, EventFilter::Error *error);

} // namespace hookbench
