//===- StrongComponents.h - cycles of a graph, dependencies first -*- C++ -*-===//
//
// Used for a TU's call graph (callees are analysed before their callers) and
// for the TUs of a project (a TU is re-checked after the TUs whose summaries
// it imports).
//
//===----------------------------------------------------------------------===//
#ifndef LOCKCHECK_STRONGCOMPONENTS_H
#define LOCKCHECK_STRONGCOMPONENTS_H

#include <vector>

namespace lockcheck {

/// The strongly connected components of the graph whose node I has edges to
/// \p Edges[I], each after every component it has an edge into (Tarjan's
/// algorithm, iterative: call chains can be thousands deep).
std::vector<std::vector<unsigned>>
componentsCalleesFirst(const std::vector<std::vector<unsigned>> &Edges);

} // namespace lockcheck

#endif
