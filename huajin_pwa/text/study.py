"""周周讲进家庭: weekly study."""


class Study:
    """周周讲进家庭: study materials and members' study record (services/study*.py)."""

    HOW = {"self": "自学", "home": "送学上门", "night": "夜学补课", "group": "支部集中学习"}
    WEEK_INVALID = "请填写这份材料属于哪一周（那一周的星期一，例如 2026-06-08）"
    WEEK_NOT_MONDAY = "请填写那一周的星期一"
    WEEK_RANGE = "周次只能在两年前到一年后之间"
    WEEK_TAKEN = "这一周已经有学习材料了，请到那一周去修改"
    TITLE_INVALID = "标题请写2到40个字"
    BODY_INVALID = "正文请写20到20000个字"
    POINTS_COUNT = "学习要点请写3到5条，每行一条"
    POINT_INVALID = "每条学习要点请写2到60个字"
    QUESTIONS_COUNT = "思考题请写1到5个，每行一个"
    QUESTION_INVALID = "每个思考题请写2到100个字"
    PUBLISH_INVALID = "请填写发布日期，例如 2026-06-08"
    PUBLISH_RANGE = "发布日期只能在两年前到一年后之间"
    STALE = "{name}刚刚修改并保存了这份材料（第{version}版），请刷新后在最新版本上修改。"
    NOT_PUBLISHED = "这一周的学习材料还没有发布，发布后才能学习。"
    UNKNOWN_WEEK = "没有找到这一周的学习材料。"
    MEMBER_ONLY = "亮明身份并通过审核后，才能记录学习。"
    MARKED = "已记下：您学习了“{title}”。"
    ALREADY = "您已经学习过“{title}”了。"
    CHANGED = "您学习后，这份材料有了修改，可以再看一看。"
