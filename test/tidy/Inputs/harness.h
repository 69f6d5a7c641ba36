// A header for harness.cpp: a diagnostic outside the main file.
inline void in_header() {
  int h;
}
