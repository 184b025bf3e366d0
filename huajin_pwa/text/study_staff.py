"""周周讲进家庭, the staff side: writing, previewing, correcting the weekly study materials."""


class StudyStaff:
    """/staff/study pages and the pictures uploaded with a material (services/study_images.py)."""

    # the list
    TITLE = "学习材料"
    INTRO = "每周一份学习材料，党员在“学习”里阅读。可以提前写好，定一个发布日期。"
    NEW = "写新一周的材料"
    LIST_HEADING = "各周的材料（最新的一周在前）"
    EMPTY = "还没有学习材料"
    EMPTY_HINT = "点上面的“写新一周的材料”开始写第一份。"
    WEEK_OF = "{day}这一周"
    PUBLISHED = "已发布"
    PUBLISH_ON = "发布日期：{day}"
    SCHEDULED = "定于{day}发布"
    VERSION = "第{version}版"
    EDIT = "修改"
    HISTORY = "历次版本"
    BACK_STAFF = "返回工作台"

    # the form
    NEW_TITLE = "写新一周的材料"
    EDIT_TITLE = "修改学习材料"
    NEW_INTRO = "写好后先点“预览”，看看党员在手机上看到的样子，再点“保存”。"
    WEEK = "属于哪一周"
    WEEK_HINT = "选那一周的星期一"
    WEEK_FIXED = "这份材料属于：{week}"
    TITLE_LABEL = "标题"
    TITLE_HINT = "2到40个字"
    BODY = "正文"
    BODY_HINT = (
        "可以用简单的格式：一行开头写“## ”是小标题，“- ”是列表，**两边加星号**是加粗。"
        "网页代码不会生效，只会原样显示。"
    )
    POINTS = "学习要点"
    POINTS_HINT = "3到5条，每行一条，会放在材料最上面"
    QUESTIONS = "思考题"
    QUESTIONS_HINT = "1到5个，每行一个，党员写学习心得时参考"
    PUBLISH = "发布日期"
    PUBLISH_HINT = "从这一天起，党员就能看到这份材料"
    PREVIEW = "预览"
    SAVE = "保存"
    SAVED_NEW = "已保存“{title}”（第1版）。"
    SAVED_EDIT = "已保存为第{version}版。"
    EDITING = "您正在修改第{version}版（{name}，{when}保存）。"
    CHANGED_NOTE = "这份材料已经发布。保存修改后，已经学习过的党员会看到“这份材料有了修改”的提示。"
    NOT_YET_NOTE = "这份材料还没有发布，修改后党员看到的就是新的内容。"
    STALE_RELOADED = "下面已换成最新的版本；您刚才的修改没有保存，请在最新版本上重新修改。"
    BACK_LIST = "返回学习材料"

    # the preview (as a member sees it on a phone)
    PREVIEW_TITLE = "预览：党员在手机上看到的样子"
    PREVIEW_NOTE = "这只是预览，还没有保存。"
    PREVIEW_BOX = "手机上的样子"
    NO_TITLE = "（还没有标题）"

    # pictures
    IMAGE = "添加图片"
    IMAGE_HINT = (
        "JPG、PNG、GIF 或 WEBP 图片，不超过5MB。上传后，正文最后会加上一行图片代码，"
        "可以把其中的“图片说明”改成图片的内容，读屏的党员会听到它。"
    )
    IMAGE_CHOOSE = "选择图片并上传"
    IMAGE_ADDED = "图片已上传，已加到正文最后。"
    IMAGE_ALT = "图片说明"
    IMAGE_TOO_BIG = "图片不能超过5MB"
    IMAGE_NOT_PICTURE = "这个文件不是图片，请选择 JPG、PNG、GIF 或 WEBP 图片"
    IMAGE_ONE = "请一次上传一张图片"

    # the history
    HISTORY_TITLE = "历次版本"
    HISTORY_INTRO = "每次保存都会留下一个版本，最新的在前。点开可以看当时的内容。"
    HISTORY_ROW = "第{version}版"
    HISTORY_BY = "{name}，{when}保存"
    CURRENT = "当前版本"
    VIEW = "查看第{version}版的内容"
    BACK_EDIT = "返回修改这份材料"
