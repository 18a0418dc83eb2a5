"""The parts of the Japanese frame builder (:mod:`graph.lang.ja.frames`), one module per
responsibility, in the order the data flows:

- :mod:`.words`: the word sets and regexes every part reads;
- :mod:`.records`: the data types (placed names, proto-frames, the trigger table) and the
  state the parts share;
- :mod:`.triggers`: which words are triggers and what carries them;
- :mod:`.attach`: attaching names to the words they depend on;
- :mod:`.heads` and :mod:`.clauses`: what nouns stand for, and the shape of clauses;
- :mod:`.gaps`: filling left-out arguments;
- :mod:`.blocking`: whether a frame states a fact;
- :mod:`.constructions`: frames built from how names are written.

Each part is a mixin of ``_FrameBuilder``; the parts import only ``words`` and ``records``
(never one another, never ``frames``), so :mod:`graph.lang.ja.frames` is where they meet.
"""
